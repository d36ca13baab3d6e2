/**
 * Durable nodes: a write-ahead journal with group commit, snapshots and crash
 * recovery (docs/durability.md), behind the node's {@link hotsm.vm.node.CommandLog} seam.
 *
 * <p>Input: the commands that changed a {@link hotsm.vm.node.Node}, in the
 * order the machine thread committed them, each with the time it used.
 * Output: a data directory of segment files (records with a length and a
 * CRC-32C), snapshots and content-addressed artifacts, from which
 * {@link hotsm.vm.journal.DurableNode#open} rebuilds the same node: same
 * machine, state, version and history.
 *
 * <p>Invariants. A command's record is handed to the writer before the
 * machine thread commits it, and no reply (of any command after it) is sent
 * before the record is durable as {@link hotsm.vm.journal.Fsync} says; so an
 * acknowledged change is never lost and a crash leaves the node wholly before
 * or wholly after each command. Only commands that changed the node are
 * journaled, so replay redoes each one exactly once with no step limit, and
 * nothing non-deterministic is left out: the time an upgrade or downgrade
 * stamps on the history is in its record. A snapshot is written only after
 * the records it covers are forced, to a temporary file that is forced and
 * renamed. Write and force errors stop the journal for good.
 *
 * <p>The two codecs are public and independent of files, for replication:
 * {@link hotsm.vm.journal.CommandCodec} (one command) and
 * {@link hotsm.vm.journal.SnapshotCodec} (one snapshot). The design follows
 * etcd's WAL and Apache Ratis's segmented log.
 */
package hotsm.vm.journal;
