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
 * @param known every artifact this node has run, by identity, including the running one
 */
public record NodeSnapshot(Artifact artifact, Identity identity, Value state,
                           List<Version> history, Map<Identity, Artifact> known) {

    public NodeSnapshot {
        history = List.copyOf(history);
        known = Map.copyOf(known);
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
        return new NodeSnapshot(artifact, identity, newState, history, known);
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
        k.putIfAbsent(nextIdentity, next);
        return new NodeSnapshot(next, nextIdentity, newState, h, k);
    }

    /** The highest release number in the history (0 if no change was signed): a signed change must exceed it. */
    public long highestRelease() {
        return history.stream().flatMap(v -> v.signer().stream()).mapToLong(Signer::release).max().orElse(0);
    }

    public NodeInfo info() {
        return new NodeInfo(artifact.name(), identity, artifact.input(), artifact.output(), artifact.state(), history);
    }
}
