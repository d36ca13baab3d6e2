/**
 * The subcommands of {@code sm} that run a node and talk to nodes:
 * {@code node}, {@code send}, {@code upgrade}, {@code downgrade},
 * {@code info}, {@code state}. They are thin: a {@link hotsm.vm.node.Node}
 * behind a {@link hotsm.vm.protocol.NodeServer} on one side, a
 * {@link hotsm.vm.protocol.NodeClient} on the other, values printed and parsed
 * in source syntax against the types the node reports (so a client needs no
 * source). Refusals from a node are printed on standard output as the node
 * worded them, and exit with 1.
 */
package hotsm.cli.sm;
