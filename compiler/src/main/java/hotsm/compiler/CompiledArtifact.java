package hotsm.compiler;

import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;

/**
 * A machine compiled to the end: its artifact, accepted by the vm's
 * {@link Verifier}, and on request the artifact's canonical {@code .cam}
 * bytes ({@link #bytes}), which are what a file holds and what a node is
 * sent. Built by {@link Compilation#artifact} and {@link Compilation#artifacts}.
 * The bytes are made on request because a machine within the VM's limits may
 * be over one of the file format's, and still run in this process
 * ({@code smc run FILE.sm}).
 *
 * @param ir       the machine's IR
 * @param artifact the artifact, verified
 */
public record CompiledArtifact(MachineIr ir, Artifact artifact) {

    /**
     * A program that compiles but that the vm cannot take: over a limit of the
     * {@code .cam} format (a string, a count, the file size) or of the
     * verifier's nesting. The user's to fix; its message is one line naming the machine.
     */
    public static final class OverLimit extends RuntimeException {
        OverLimit(String message, Throwable cause) { super(message, cause); }
    }

    /** The machine's qualified name ({@code Counter1.counter}). */
    public String name() { return artifact.name(); }

    public Identity identity() { return Identities.of(artifact); }

    /**
     * The artifact's {@code .cam} encoding, made anew on each call.
     *
     * @throws OverLimit when the artifact is over a limit of the format (docs/bytecode.md)
     */
    public byte[] bytes() {
        try {
            return ArtifactCodec.encode(artifact);
        } catch (IllegalArgumentException e) {   // a limit of the format, not a bug
            throw new OverLimit(oneLine(e.getMessage()), e);
        }
    }

    /**
     * Builds and verifies {@code machine}. Any other refusal of the verifier
     * than a nesting limit is a bug of the compiler and is thrown as it is.
     *
     * @throws OverLimit when the machine is over a limit of the VM
     */
    static CompiledArtifact build(MachineIr machine) {
        Artifact a = ArtifactBuilder.build(machine);
        try {
            Verifier.verify(a);
        } catch (VerifyException e) {
            if (!String.valueOf(e.getMessage()).contains("nest")) throw e;
            throw new OverLimit("machine " + a.name() + " is over a limit of the VM: " + oneLine(e.getMessage()), e);
        }
        return new CompiledArtifact(machine, a);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ');
    }
}
