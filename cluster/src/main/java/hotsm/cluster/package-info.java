/**
 * Replicated nodes: a machine run by a group of members that agree, through
 * Apache Ratis (Raft), on one log of commands (docs/cluster.md).
 *
 * <p>Input: the group ({@link hotsm.cluster.ClusterSpec}), this member's data
 * directory, and the protocol requests of this member's clients. Output: the
 * same replies a single node gives, each sent only once its entry is
 * committed by a majority and applied.
 *
 * <p>What Ratis does: leader election, the replicated and persisted log,
 * commit by majority, the retry cache (a retried request is applied once),
 * read index (linearizable reads), snapshots' scheduling, purging and
 * shipping to members too far behind. What hotsm does: turn requests into
 * {@link hotsm.cluster.Entry} bytes ({@link hotsm.cluster.EntryCodec}), apply
 * committed entries to a {@link hotsm.vm.node.Node} through the same
 * {@link hotsm.vm.node.Command}s a single node runs
 * ({@link hotsm.cluster.MachineStateMachine}), write and read snapshots
 * ({@link hotsm.cluster.SnapshotCodec}), and serve clients from any member
 * ({@link hotsm.cluster.Member}).
 *
 * <p>Invariants. The machine is deterministic and every member applies the
 * same entries in the same order, so every member passes through the same
 * states and versions at the same log indexes; an upgrade is one entry, so
 * the whole group switches version between the same two inputs. The one
 * non-deterministic input, the time in the version history, is stamped into
 * each entry by the leader. An entry is applied wholly before the next, and a
 * snapshot is taken between two entries.
 */
package hotsm.cluster;
