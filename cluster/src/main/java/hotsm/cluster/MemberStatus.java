package hotsm.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * What one member says about itself: not linearizable, a snapshot of that
 * member's own view at the moment it answers.
 *
 * @param id            its member id
 * @param role          {@code LEADER}, {@code FOLLOWER}, {@code CANDIDATE} (Ratis's words)
 * @param term          the Raft term it is in
 * @param leader        the leader it knows of, if any
 * @param commitIndex   the highest log index it knows to be committed
 * @param appliedIndex  the highest log index its machine has applied
 * @param clientAddress where it serves hotsm clients ({@code HOST:PORT}), empty before it listens
 * @param running       the running machine's name and short identity ({@code Counter2.counter 0c0749b2}),
 *                      empty before the group has started one
 */
public record MemberStatus(String id, String role, long term, Optional<String> leader, long commitIndex,
                           long appliedIndex, String clientAddress, Optional<String> running) {

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(id);
        out.writeUTF(role);
        out.writeLong(term);
        out.writeUTF(leader.orElse(""));
        out.writeLong(commitIndex);
        out.writeLong(appliedIndex);
        out.writeUTF(clientAddress);
        out.writeUTF(running.orElse(""));
    }

    static MemberStatus read(DataInputStream in) throws IOException {
        return new MemberStatus(in.readUTF(), in.readUTF(), in.readLong(), nonEmpty(in.readUTF()), in.readLong(),
                in.readLong(), in.readUTF(), nonEmpty(in.readUTF()));
    }

    private static Optional<String> nonEmpty(String s) { return s.isEmpty() ? Optional.empty() : Optional.of(s); }
}
