package hotsm.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group as one member sees it ({@code sm info}, {@code sm cluster status}):
 * the answering member's own status, and for every member (itself included)
 * either what that member said about itself or why it could not be asked.
 * This is the body of the protocol's {@code GROUP_REPLY}.
 *
 * @param groupId    the Ratis group id
 * @param answeredBy the member that gathered this view
 * @param members    in {@code --cluster} order
 */
public record GroupView(String groupId, String answeredBy, List<Member> members) {

    public GroupView { members = List.copyOf(members); }

    /**
     * One member of the group.
     *
     * @param peerAddress its Raft {@code HOST:PORT}
     * @param status      what it said, or empty if it did not answer
     * @param problem     why it did not answer (empty when it did)
     */
    public record Member(String id, String peerAddress, Optional<MemberStatus> status, String problem) {}

    /** The member that gathered the view. */
    public MemberStatus self() {
        return members.stream().filter(m -> m.id().equals(answeredBy)).findFirst()
                .flatMap(Member::status).orElseThrow();
    }

    /** Printed lines: the group's leader, term and commit index, then one line per member. */
    public List<String> describe() {
        MemberStatus me = self();
        List<String> lines = new ArrayList<>();
        lines.add("group     " + groupId + " (" + members.size() + " members, as " + answeredBy + " sees it)");
        lines.add("leader    " + me.leader().orElse("none known") + "   term " + me.term() + "   commit index "
                + me.commitIndex());
        lines.add(String.format("  %-10s %-22s %-22s %-9s %8s %8s  %s", "member", "raft", "client", "role",
                "commit", "applied", "running"));
        for (Member m : members) {
            if (m.status().isPresent()) {
                MemberStatus s = m.status().get();
                lines.add(String.format("  %-10s %-22s %-22s %-9s %8d %8d  %s", m.id(), m.peerAddress(),
                        s.clientAddress().isEmpty() ? "-" : s.clientAddress(), s.role().toLowerCase(),
                        s.commitIndex(), s.appliedIndex(), s.running().orElse("(not started)")));
            } else {
                lines.add(String.format("  %-10s %-22s unreachable: %s", m.id(), m.peerAddress(), m.problem()));
            }
        }
        return lines;
    }

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(groupId);
            out.writeUTF(answeredBy);
            out.writeInt(members.size());
            for (Member m : members) {
                out.writeUTF(m.id());
                out.writeUTF(m.peerAddress());
                out.writeBoolean(m.status().isPresent());
                if (m.status().isPresent()) m.status().get().write(out); else out.writeUTF(m.problem());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a group view */
    public static GroupView decode(byte[] body) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            String group = in.readUTF();
            String by = in.readUTF();
            int n = in.readInt();
            if (n < 0 || n > 1000) throw new IOException("member count " + n);
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String peer = in.readUTF();
                members.add(in.readBoolean() ? new Member(id, peer, Optional.of(MemberStatus.read(in)), "")
                        : new Member(id, peer, Optional.empty(), in.readUTF()));
            }
            if (in.available() != 0) throw new IOException(in.available() + " bytes left over");
            return new GroupView(group, by, members);
        } catch (IOException e) {
            throw new IllegalArgumentException("an unreadable group view: " + e.getMessage(), e);
        }
    }

    /** A member's own status as the bytes of a {@link Entry.ReadStatus} reply. */
    static byte[] encode(MemberStatus s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            s.write(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MemberStatus decodeStatus(byte[] body) {
        try {
            return MemberStatus.read(new DataInputStream(new ByteArrayInputStream(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException("an unreadable member status: " + e.getMessage(), e);
        }
    }
}
