/**
 * The node: one running machine that many clients step, inspect and upgrade
 * (LANGUAGE.md §10).
 *
 * <p>Input: a verified {@link hotsm.vm.bytecode.Artifact} to start from, then
 * {@link hotsm.vm.node.Command}s from any number of threads. Output: replies
 * to each command, in the order the commands were accepted.
 *
 * <p>Invariants. One thread at a time owns the running artifact, its state
 * and the version history, and reads one ordered queue of commands (steps,
 * reads, upgrades and downgrades from all connections): the machine thread, a
 * Netty event loop of the node's own that runs the queue as a task, or a
 * server's I/O thread that found the node idle and nothing queued and runs a
 * short step itself ({@link hotsm.vm.node.Node#serveStep}; docs/protocol.md,
 * "Threads"). {@link hotsm.vm.node.Machine} is what it owns. On a node with
 * no journal and no listener the machine thread completes a run's replies
 * together, in order, before it gives the machine up or runs anything long
 * ({@link hotsm.vm.node.HeldReplies}), and a thread waiting for a step's reply
 * is woken once for the run ({@link hotsm.vm.node.Reply}). So each input
 * runs wholly on one version, and an upgrade happens between two inputs: it is
 * Erlang's {@code sys:suspend}, {@code code:load_file}, {@code sys:change_code},
 * {@code sys:resume} as one command. Every command is computed on values and
 * committed in one assignment at its end, so a command that fails (a step that
 * divides by zero, a migration that runs out of fuel, an artifact that does
 * not verify) leaves the node exactly as it was.
 *
 * <p>Upgrades are prepared before they are queued, on the thread that asks
 * for them ({@link hotsm.vm.node.PreparedUpgrade}: the signature first, then
 * decoding, verifying, hashing, compiling, planning, then its time read from
 * the node's clock and the next snapshot's history made), so the machine
 * thread's part is the migration and the swap; what can change before the
 * upgrade's turn (the release number's rollback check, the running version)
 * is checked again in its turn, and the command queued and journaled is
 * unchanged. An upgrade's time is so the time it was queued, not the (later)
 * time of its turn; a replayed one keeps its journaled time.
 *
 * <p>Journaling and replication: every command passes through a {@link
 * hotsm.vm.node.CommandLog} on the machine thread, in order; each command that
 * changed the node is handed to it with the time it used just before its one
 * assignment, and every reply leaves through it, so a journal
 * ({@code hotsm.vm.journal}) can hold replies until their records are durable.
 * Commands are plain data and the machine is deterministic, so the journal
 * replayed ({@link hotsm.vm.node.Node#replay}) from a
 * {@link hotsm.vm.node.NodeSnapshot} taken between two commands rebuilds the
 * node.
 */
package hotsm.vm.node;
