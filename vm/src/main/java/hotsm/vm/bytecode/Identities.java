package hotsm.vm.bytecode;

import hotsm.vm.types.TypeDesc;
import java.security.MessageDigest;
import java.util.List;
import java.security.NoSuchAlgorithmException;

/**
 * A machine's identity (LANGUAGE.md §9): SHA-256 of the canonical encoding
 * (docs/bytecode.md §8) of its name, input, output and state types, the
 * shared blocks its step reaches and its step code, concatenated in that
 * order. The reached blocks are numbered in the order the step first reaches
 * them (and their CALL operands renumbered alike), so blocks that only
 * migrations use, and the table's layout, do not change the identity.
 * Initial state, upgrade and downgrade sections are not part of it.
 */
public final class Identities {
    private Identities() {}

    public static Identity of(Artifact a) {
        return of(a.name(), a.input(), a.output(), a.state(), a.step(), a.blocks());
    }

    /** The identity of a machine whose step calls no shared block. */
    public static Identity of(String name, TypeDesc input, TypeDesc output, TypeDesc state, Code step) {
        return of(name, input, output, state, step, List.of());
    }

    public static Identity of(String name, TypeDesc input, TypeDesc output, TypeDesc state, Code step,
                              List<SharedBlock> blocks) {
        ArtifactEncoder e = new ArtifactEncoder();
        e.identityParts(name, input, output, state, step, blocks);
        return new Identity(sha256(e.out.toByteArray()));
    }

    /** The identity a downgrade section's target must have. */
    public static Identity of(DowngradeSection d) {
        return of(d.toName(), d.toInput(), d.toOutput(), d.toState(), d.toStep(), d.toBlocks());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
