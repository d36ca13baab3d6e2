package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.value.Value;
import java.util.concurrent.CompletableFuture;

/**
 * What the protocol server serves: a local {@link Node}, or a member of a
 * replicated group (the {@code cluster} module) that turns each request into
 * an entry of its group's log. Each method returns at once; the future holds
 * the reply, or fails with a {@link Refusal} (the machine is then unchanged).
 */
public interface NodeService {

    /** Run one input from a client speaking the interface of version {@code speaking} (null: the running one). */
    CompletableFuture<StepResult> step(Value input, Identity speaking);

    /** Upgrade from a {@code .cam} file's bytes; bytes that do not decode are refused like a bad artifact. */
    CompletableFuture<VersionChange> upgrade(byte[] artifact);

    CompletableFuture<VersionChange> downgrade();

    /**
     * Upgrade with the release signature that came with it (docs/security.md).
     * A service without trusted keys may ignore the signature: this default
     * does (a replicated group checks no signatures yet).
     */
    default CompletableFuture<VersionChange> upgrade(byte[] artifact, ReleaseSignature signature) {
        return upgrade(artifact);
    }

    /** Downgrade with the release signature that came with it; this default ignores it, as above. */
    default CompletableFuture<VersionChange> downgrade(ReleaseSignature signature) {
        return downgrade();
    }

    CompletableFuture<StateView> state();

    CompletableFuture<NodeInfo> info();

    /** The types a client speaking {@code identity} uses; refused if the machine cannot adapt it. */
    CompletableFuture<InterfaceView> interfaceOf(Identity identity);

    /** Write a snapshot now ({@code sm snapshot}); a node without a journal refuses. */
    default CompletableFuture<SnapshotWritten> writeSnapshot() {
        return CompletableFuture.failedFuture(new Refusal(Refusal.Reason.NOT_DURABLE,
                "This node keeps no journal, so it has no snapshot to write."));
    }

    /**
     * A replicated member's view of its group, encoded by the {@code cluster}
     * module (docs/cluster.md); a single node refuses.
     */
    default CompletableFuture<byte[]> group() {
        return CompletableFuture.failedFuture(new Refusal(Refusal.Reason.PROTOCOL,
                "this is a single node, not a member of a replicated group"));
    }
}
