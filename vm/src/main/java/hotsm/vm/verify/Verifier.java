package hotsm.vm.verify;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a decoded artifact is safe to run (LANGUAGE.md §9): its declared
 * types are sound, its initial state has the state type, and every block of
 * code is type-correct against the types it is declared with. Rules, in the
 * order they are checked, are listed in docs/bytecode.md.
 */
public final class Verifier {
    private Verifier() {}

    /** The deepest shape a verified program may handle (values are then shallow enough to recurse over). */
    public static final int MAX_SHAPE_DEPTH = 1_000;

    /**
     * @throws VerifyException naming the section, the instruction path and the rule
     */
    public static void verify(Artifact a) {
        machineName("name", a.name());
        ShapeTable shapes = new ShapeTable();
        Ty input = declared(shapes, "types", "input", a.input());
        Ty output = declared(shapes, "types", "output", a.output());
        Ty state = declared(shapes, "types", "state", a.state());
        if (!Values.conforms(a.initialState(), a.state().erase())) {
            throw new VerifyException("initial state", "", "the initial state does not have the state type " + a.state());
        }
        BlockChecker.Blocks blocks = sharedBlocks(shapes, "", a.blocks());
        code(shapes, "step", "step", a.step(), input, output, state, blocks);
        int n = 0;
        for (UpgradeSection u : a.upgrades()) {
            String label = "upgrade #" + (++n);
            machineName(label, u.fromName());
            Ty oldInput = declared(shapes, label, "old input", u.oldInput());
            Ty oldOutput = declared(shapes, label, "old output", u.oldOutput());
            Ty oldState = declared(shapes, label, "old state", u.oldState());
            code(shapes, label + " migration", "migration", u.migration(), oldState, state, null, blocks);
            optional(shapes, label + " input adapter", "input", u.inputAdapter(), oldInput, input, blocks);
            optional(shapes, label + " output adapter", "output", u.outputAdapter(), output, oldOutput, blocks);
        }
        n = 0;
        for (DowngradeSection d : a.downgrades()) {
            String label = "downgrade #" + (++n);
            machineName(label, d.toName());
            Identity actual = Identities.of(d);
            if (!actual.equals(d.to())) {
                throw new VerifyException(label, "", "identity: the target's name, types and step code hash to "
                        + actual.shortHex() + ", but the section says " + d.to().shortHex());
            }
            Ty toInput = declared(shapes, label, "target input", d.toInput());
            Ty toOutput = declared(shapes, label, "target output", d.toOutput());
            Ty toState = declared(shapes, label, "target state", d.toState());
            BlockChecker.Blocks toBlocks = sharedBlocks(shapes, label + " ", d.toBlocks());
            code(shapes, label + " step", "step", d.toStep(), toInput, toOutput, toState, toBlocks);
            code(shapes, label + " migration", "migration", d.migration(), state, toState, null, blocks);
        }
    }

    /**
     * Checks one block: from {@code input} to {@code output}, with the state
     * register of shape {@code stateOrNull} ({@code null}: pure code, GET/PUT refused).
     *
     * @param section named in errors, e.g. {@code step}; also the root of instruction paths
     */
    public static void verifyCode(String section, Code code, Shape input, Shape output, Shape stateOrNull) {
        verifyCode(section, code, input, output, stateOrNull, List.of());
    }

    /** As {@link #verifyCode(String, Code, Shape, Shape, Shape)}, with shared blocks that {@code CALL} may run (checked too). */
    public static void verifyCode(String section, Code code, Shape input, Shape output, Shape stateOrNull,
                                  List<SharedBlock> shared) {
        ShapeTable shapes = new ShapeTable();
        BlockChecker.Blocks blocks = sharedBlocks(shapes, "", shared);
        Ty in = shape(shapes, section, "input", input);
        Ty out = shape(shapes, section, "output", output);
        Ty st = stateOrNull == null ? null : shape(shapes, section, "state", stateOrNull);
        code(shapes, section, section, code, in, out, st, blocks);
    }

    /**
     * The shape a block leaves in the value register when run on {@code input}
     * (for compilers and tests).
     *
     * @throws VerifyException if the block is not type-correct
     */
    public static Shape typeOf(Code code, Shape input, Shape stateOrNull) {
        return typeOf(code, input, stateOrNull, List.of());
    }

    /** As {@link #typeOf(Code, Shape, Shape)}, with shared blocks that {@code CALL} may run (checked too). */
    public static Shape typeOf(Code code, Shape input, Shape stateOrNull, List<SharedBlock> shared) {
        ShapeTable shapes = new ShapeTable();
        BlockChecker.Blocks blocks = sharedBlocks(shapes, "", shared);
        Ty in = shape(shapes, "code", "input", input);
        Ty st = stateOrNull == null ? null : shape(shapes, "code", "state", stateOrNull);
        return new BlockChecker(shapes, "code", st, blocks, blocks.inputs().length).run(code, in, "code").toShape();
    }

    /**
     * Checks each shared block once against its declared shapes, pure, calling
     * only blocks of lower index (so calls are acyclic), and returns their shapes.
     */
    private static BlockChecker.Blocks sharedBlocks(ShapeTable shapes, String prefix, List<SharedBlock> shared) {
        int n = shared.size();
        Ty[] inputs = new Ty[n];
        Ty[] outputs = new Ty[n];
        BlockChecker.Blocks blocks = new BlockChecker.Blocks(inputs, outputs);
        for (int k = 0; k < n; k++) {
            SharedBlock b = shared.get(k);
            String section = prefix + "shared block #" + k + " " + printable(b.name());
            inputs[k] = shape(shapes, section, "input", b.input());
            outputs[k] = shape(shapes, section, "output", b.output());
            Ty result = new BlockChecker(shapes, section, null, blocks, k).run(b.code(), inputs[k], "block");
            if (result != outputs[k]) {
                throw new VerifyException(section, "block[end]", "result: the code must end with " + outputs[k] + ", found " + result);
            }
        }
        return blocks;
    }

    private static void optional(ShapeTable shapes, String section, String root, Optional<Code> code, Ty in, Ty out,
                                 BlockChecker.Blocks blocks) {
        if (code.isPresent()) code(shapes, section, root, code.get(), in, out, null, blocks);
    }

    private static void code(ShapeTable shapes, String section, String root, Code code, Ty in, Ty out, Ty state,
                             BlockChecker.Blocks blocks) {
        Ty result = new BlockChecker(shapes, section, state, blocks, blocks.inputs().length).run(code, in, root);
        if (result != out) {
            throw new VerifyException(section, root + "[end]", "result: the code must end with " + out + ", found " + result);
        }
    }

    private static Ty declared(ShapeTable shapes, String section, String what, TypeDesc type) {
        checkConstructorNames(section, what, type);
        return shape(shapes, section, what, type.erase());
    }

    private static Ty shape(ShapeTable shapes, String section, String what, Shape s) {
        try {
            return shapes.intern(s);
        } catch (ShapeTable.TooDeep e) {
            throw new VerifyException(section, "", "shape nesting: the " + what + " type is nested deeper than "
                    + MAX_SHAPE_DEPTH + " levels once erased");
        }
    }

    /** Machine names are (qualified) identifiers: they name files and appear in messages. */
    private static void machineName(String section, String name) {
        boolean ok = !name.isEmpty();
        for (String part : name.split("\\.", -1)) ok &= isIdentifier(part, false);
        if (!ok) {
            throw new VerifyException(section, "", "names: '" + printable(name)
                    + "' is not a machine name (identifiers separated by dots, like Counter1.counter)");
        }
    }

    /** {@code [A-Za-z_][A-Za-z0-9_']*}, or with a capital first letter. */
    private static boolean isIdentifier(String s, boolean capitalised) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        boolean upper = first >= 'A' && first <= 'Z';
        if (capitalised ? !upper : !(upper || first >= 'a' && first <= 'z' || first == '_')) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '\'';
            if (!ok) return false;
        }
        return true;
    }

    /** A name as it can appear in a one-line message: at most 60 characters, control characters escaped. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.length() >= 60 && s.length() > 60 ? b + "..." : b.toString();
    }

    /**
     * A data type's constructors have distinct capitalised names, or its values
     * could not be printed and read back.
     */
    private static void checkConstructorNames(String section, String what, TypeDesc type) {
        if (type instanceof TypeDesc.ListOf l) {
            checkConstructorNames(section, what, l.element());
        } else if (type instanceof TypeDesc.MapOf m) {
            checkConstructorNames(section, what, m.key());
            checkConstructorNames(section, what, m.value());
        } else if (type instanceof TypeDesc.Tuple t) {
            for (TypeDesc c : t.components()) checkConstructorNames(section, what, c);
        } else if (type instanceof TypeDesc.Data d) {
            if (!isIdentifier(d.name(), true)) {
                throw new VerifyException(section, "", "type names: the " + what + " type has a data type named '"
                        + printable(d.name()) + "', which is not a capitalised identifier");
            }
            for (TypeDesc a : d.arguments()) checkConstructorNames(section, what, a);
            Set<String> seen = new HashSet<>();
            for (TypeDesc.Constructor c : d.constructors()) {
                if (!isIdentifier(c.name(), true)) {
                    throw new VerifyException(section, "", "constructor names: the " + what + " type's data type "
                            + printable(d.name()) + " has a constructor named '" + printable(c.name())
                            + "', which is not a capitalised identifier");
                }
                if (!seen.add(c.name())) {
                    throw new VerifyException(section, "", "constructor names: the " + what + " type's data type "
                            + d.name() + " has two constructors named " + c.name());
                }
                Set<String> fields = new HashSet<>();
                for (String f : c.fieldNames()) {
                    if (!isIdentifier(f, false) || Character.isUpperCase(f.charAt(0)) || !fields.add(f)) {
                        throw new VerifyException(section, "", "field names: the " + what + " type's constructor "
                                + c.name() + " has a field named '" + printable(f)
                                + "', which is not a lower-case identifier or is not unique");
                    }
                }
                for (TypeDesc f : c.fields()) checkConstructorNames(section, what, f);
            }
        }
    }
}
