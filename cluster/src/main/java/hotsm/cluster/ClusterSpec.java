package hotsm.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Who is in the group and which member this process is: {@code sm node
 * --cluster ID1=HOST:PORT,ID2=HOST:PORT,ID3=HOST:PORT --id ID1}. The ports are
 * the members' Raft ports (Ratis's own gRPC traffic), not their client ports.
 *
 * @param peers member id to its Raft {@code HOST:PORT}, in the order given
 * @param self  this member's id, one of {@code peers}
 */
public record ClusterSpec(Map<String, String> peers, String self) {

    public ClusterSpec {
        peers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(peers));
        if (!peers.containsKey(self)) {
            throw new IllegalArgumentException("--id " + self + " is not one of the members in --cluster ("
                    + String.join(", ", peers.keySet()) + ")");
        }
    }

    /**
     * Read {@code --cluster} and {@code --id}.
     *
     * @throws IllegalArgumentException naming the option and the part that is wrong
     */
    public static ClusterSpec parse(String cluster, String self) {
        Map<String, String> peers = new LinkedHashMap<>();
        for (String part : cluster.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("--cluster: expected ID=HOST:PORT, got '" + part + "'");
            }
            String id = part.substring(0, eq).trim();
            String address = part.substring(eq + 1).trim();
            if (!id.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("--cluster: a member id is letters, digits, '_', '.' or '-', got '"
                        + id + "'");
            }
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon <= 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--cluster: member " + id + " needs HOST:PORT with a port in"
                        + " 1..65535, got '" + address + "'");
            }
            if (peers.put(id, address) != null) {
                throw new IllegalArgumentException("--cluster: member " + id + " is named twice");
            }
        }
        if (self == null || self.isBlank()) throw new IllegalArgumentException("--cluster needs --id (which member this is)");
        return new ClusterSpec(peers, self);
    }

    /**
     * The group id: derived from the member list, so every member given the
     * same {@code --cluster} joins the same group, and a member given another
     * list is refused by the others rather than mixed in.
     */
    public RaftGroupId groupId() {
        StringBuilder key = new StringBuilder("hotsm-group");
        peers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> key.append(',').append(e.getKey()).append('=').append(e.getValue()));
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public RaftGroup group() {
        List<RaftPeer> list = new ArrayList<>();
        peers.forEach((id, address) -> list.add(RaftPeer.newBuilder().setId(id).setAddress(address).build()));
        return RaftGroup.valueOf(groupId(), list);
    }

    public RaftPeerId selfId() { return RaftPeerId.valueOf(self); }

    /** This member's Raft {@code HOST:PORT}. */
    public String selfAddress() { return peers.get(self); }

    /** {@code n1=127.0.0.1:9001,n2=...}, as {@code --cluster} takes it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        peers.forEach((id, address) -> b.append(b.length() == 0 ? "" : ",").append(id).append('=').append(address));
        return b.toString();
    }
}
