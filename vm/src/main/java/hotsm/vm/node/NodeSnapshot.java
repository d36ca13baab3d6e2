package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.Signer;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a node knows, as one immutable value: the running artifact and
 * its identity, the current state, the version history and every artifact it
 * has run (by identity, so a downgrade can return to the full artifact and an
 * old client's adapters can be found). The machine thread replaces its
 * snapshot in one assignment per command, which is what makes steps and
 * upgrades atomic; the same value is a consistent checkpoint.
 *
 * @param known     the artifacts this node has run, by identity, including the running one, oldest
 *                  arrival first; an artifact that arrives for an identity already known replaces the
 *                  older one (its sections with it): the newest release wins
 * @param compacted how many older versions were dropped from {@code history} by its bound
 */
public record NodeSnapshot(Artifact artifact, Identity identity, Value state,
                           List<Version> history, Map<Identity, Artifact> known, long compacted) {

    public NodeSnapshot {
        history = List.copyOf(history);   // the same list when it is one already
        known = known instanceof Known k ? k : new Known(new LinkedHashMap<>(known));   // keeps arrival order
    }

    /**
     * The artifacts a snapshot made, read-only: another snapshot (a step's, every step) shares them
     * instead of copying the map again. Only this record makes one, so nobody else can change it.
     */
    private static final class Known extends java.util.AbstractMap<Identity, Artifact> {
        private final Map<Identity, Artifact> map;

        Known(LinkedHashMap<Identity, Artifact> map) {
            this.map = java.util.Collections.unmodifiableMap(map);
        }

        @Override public java.util.Set<Map.Entry<Identity, Artifact>> entrySet() { return map.entrySet(); }

        @Override public Artifact get(Object key) { return map.get(key); }

        @Override public boolean containsKey(Object key) { return map.containsKey(key); }

        @Override public int size() { return map.size(); }

        @Override public java.util.Set<Identity> keySet() { return map.keySet(); }

        @Override public java.util.Collection<Artifact> values() { return map.values(); }
    }

    /** Nothing compacted. */
    public NodeSnapshot(Artifact artifact, Identity identity, Value state, List<Version> history,
                        Map<Identity, Artifact> known) {
        this(artifact, identity, state, history, known, 0);
    }

    /** A node just started: {@code artifact} running from {@code state}, its history one {@code STARTED} entry. */
    public static NodeSnapshot started(Artifact artifact, Identity id, Value state, java.time.Instant now) {
        return started(artifact, id, state, now, Optional.empty());
    }

    /** The same from a signed release: its first entry records who signed it (docs/security.md). */
    public static NodeSnapshot started(Artifact artifact, Identity id, Value state, java.time.Instant now,
                                       Optional<Signer> signer) {
        Version first = new Version(id, artifact.name(), now, Version.Arrival.STARTED, Optional.empty(), signer);
        return new NodeSnapshot(artifact, id, state, List.of(first), Map.of(id, artifact));
    }

    /** The same node after a step that left {@code newState}. */
    public NodeSnapshot withState(Value newState) {
        return new NodeSnapshot(artifact, identity, newState, history, known, compacted);
    }

    /** The node running {@code next} from {@code newState}, with a history entry saying how. */
    public NodeSnapshot moveTo(Artifact next, Identity nextIdentity, Value newState, Version.Arrival arrival,
                               java.time.Instant now) {
        return moveTo(next, nextIdentity, newState, arrival, now, Optional.empty());
    }

    /** The same, recording who signed the change. */
    public NodeSnapshot moveTo(Artifact next, Identity nextIdentity, Value newState, Version.Arrival arrival,
                               java.time.Instant now, Optional<Signer> signer) {
        List<Version> h = new ArrayList<>(history);
        h.add(new Version(nextIdentity, next.name(), now, arrival, Optional.of(identity), signer));
        Map<Identity, Artifact> k = new LinkedHashMap<>(known);
        k.remove(nextIdentity);   // the newest arrival for an identity replaces the older (and moves last)
        k.put(nextIdentity, next);
        return new NodeSnapshot(next, nextIdentity, newState, h, k, compacted);
    }

    /**
     * The same within {@code limits}: the oldest history entries compacted
     * (and counted), the artifacts that arrived first forgotten (never the
     * running one).
     */
    public NodeSnapshot bounded(NodeLimits limits) {
        if (history.size() <= limits.maxHistory() && known.size() <= limits.maxArtifacts()) return this;
        int drop = Math.max(0, history.size() - limits.maxHistory());
        List<Version> h = history.subList(drop, history.size());
        Map<Identity, Artifact> k = new LinkedHashMap<>(known);
        var oldest = k.keySet().iterator();
        while (k.size() > limits.maxArtifacts() && oldest.hasNext()) {
            if (!oldest.next().equals(identity)) oldest.remove();
        }
        return new NodeSnapshot(artifact, identity, state, h, k, compacted + drop);
    }

    /** The highest release number in the history (0 if no change was signed): a signed change must exceed it. */
    public long highestRelease() {
        return history.stream().flatMap(v -> v.signer().stream()).mapToLong(Signer::release).max().orElse(0);
    }

    public NodeInfo info() {
        return new NodeInfo(artifact.name(), identity, artifact.input(), artifact.output(), artifact.state(), history,
                compacted);
    }
}
