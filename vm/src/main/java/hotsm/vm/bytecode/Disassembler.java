package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.ValuePrinter;
import java.util.List;
import java.util.Optional;

/**
 * The listing {@code smc disasm} prints: name, identity, types (with their
 * constructors and erased shapes), initial state, the shared blocks, then
 * every block of code, one instruction per line with its index, CASE
 * branches indented under {@code left:} and {@code right:}, a FOLD's body
 * under {@code body:}, a CALL with the name of the block it runs.
 */
public final class Disassembler {
    private Disassembler() {}

    public static String listing(Artifact a) {
        StringBuilder out = new StringBuilder();
        Identity id = Identities.of(a);
        out.append("machine ").append(ValuePrinter.escapeControls(a.name())).append('\n');
        out.append("identity ").append(id.hex()).append(" (").append(id.shortHex()).append(")\n");
        types(out, "", "input", a.input(), "output", a.output(), "state", a.state());
        out.append("initial state ").append(printValue(a.state(), a.initialState())).append('\n');
        out.append('\n');
        sharedBlocks(out, "", a.blocks());
        code(out, "", "step", a.step(), a.blocks());
        int n = 0;
        for (UpgradeSection u : a.upgrades()) {
            out.append('\n');
            out.append("upgrade #").append(++n).append(" from ").append(ValuePrinter.escapeControls(u.fromName()))
                    .append(' ').append(u.from().hex()).append(" (").append(u.from().shortHex()).append(")\n");
            types(out, "  ", "old input", u.oldInput(), "old output", u.oldOutput(), "old state", u.oldState());
            code(out, "  ", "migration", u.migration(), a.blocks());
            optional(out, "input adapter", u.inputAdapter(), a.blocks());
            optional(out, "output adapter", u.outputAdapter(), a.blocks());
        }
        n = 0;
        for (DowngradeSection d : a.downgrades()) {
            out.append('\n');
            out.append("downgrade #").append(++n).append(" to ").append(ValuePrinter.escapeControls(d.toName()))
                    .append(' ').append(d.to().hex()).append(" (").append(d.to().shortHex()).append(")\n");
            types(out, "  ", "target input", d.toInput(), "target output", d.toOutput(), "target state", d.toState());
            sharedBlocks(out, "  ", d.toBlocks());
            code(out, "  ", "target step", d.toStep(), d.toBlocks());
            code(out, "  ", "migration", d.migration(), a.blocks());
        }
        return out.toString();
    }

    /** Instructions of one block, one per line, each preceded by {@code indent}. */
    public static String code(Code code, String indent) {
        StringBuilder out = new StringBuilder();
        block(out, indent, code, java.util.List.of());
        return out.toString();
    }

    private static void sharedBlocks(StringBuilder out, String indent, java.util.List<SharedBlock> blocks) {
        for (int k = 0; k < blocks.size(); k++) {
            SharedBlock b = blocks.get(k);
            out.append(indent).append("block #").append(k).append(' ').append(printable(b.name())).append(" : ")
                    .append(shape(b.input())).append(" -> ").append(shape(b.output())).append('\n');
            block(out, indent + "  ", b.code(), blocks);
            out.append('\n');
        }
    }

    private static String printable(String s) {
        return ValuePrinter.escapeControls(s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }

    private static void types(StringBuilder out, String indent, String n1, TypeDesc t1, String n2, TypeDesc t2,
                              String n3, TypeDesc t3) {
        int width = Math.max(n1.length(), Math.max(n2.length(), n3.length()));
        type(out, indent, n1, t1, width);
        type(out, indent, n2, t2, width);
        type(out, indent, n3, t3, width);
    }

    private static void type(StringBuilder out, String indent, String label, TypeDesc t, int width) {
        out.append(indent).append(label).append(" ".repeat(width - label.length() + 1))
                .append(ValuePrinter.escapeControls(hotsm.vm.types.TypeText.inline(t))).append("  -- erased: ").append(shape(t.erase())).append('\n');
    }

    /** Nesting beyond which a listing prints {@code ...}: it may list an artifact the verifier would refuse. */
    private static final int SHAPE_PRINT_DEPTH = 64;

    /** As {@link hotsm.vm.types.Shape#toString()}, cut at {@link #SHAPE_PRINT_DEPTH} levels. */
    static String shape(Shape s) {
        StringBuilder b = new StringBuilder();
        shape(s, 0, false, b);
        return b.toString();
    }

    private static void shape(Shape s, int depth, boolean sumOnLeft, StringBuilder b) {
        if (depth > SHAPE_PRINT_DEPTH) {
            b.append("...");
        } else if (s instanceof Shape.Pair p) {
            b.append('(');
            shape(p.first(), depth + 1, false, b);
            b.append(", ");
            shape(p.second(), depth + 1, false, b);
            b.append(')');
        } else if (s instanceof Shape.Sum sum) {
            if (sumOnLeft) b.append('(');
            shape(sum.left(), depth + 1, true, b);
            b.append(" + ");
            shape(sum.right(), depth + 1, false, b);
            if (sumOnLeft) b.append(')');
        } else {
            b.append(s);
        }
    }

    private static String printValue(TypeDesc t, hotsm.vm.value.Value v) {
        try {
            return ValuePrinter.print(t, v);
        } catch (IllegalArgumentException e) {
            return ValuePrinter.printErased(v) + "  -- does not have type " + t;
        }
    }

    private static void optional(StringBuilder out, String label, Optional<Code> code, java.util.List<SharedBlock> blocks) {
        if (code.isPresent()) {
            code(out, "  ", label, code.get(), blocks);
        } else {
            out.append("  ").append(label).append(": none\n");
        }
    }

    private static void code(StringBuilder out, String indent, String label, Code code, java.util.List<SharedBlock> blocks) {
        out.append(indent).append(label).append(":\n");
        block(out, indent + "  ", code, blocks);
    }

    /** @param blocks the shared blocks a CALL names (for their names) */
    private static void block(StringBuilder out, String indent, Code code, java.util.List<SharedBlock> blocks) {
        int pc = 0;
        for (Instruction i : code.instructions()) {
            out.append(indent).append(String.format("%3d  ", pc++));
            Opcode op = Opcode.of(i);
            out.append(op.mnemonic());
            List<Operand> kinds = op.operands();
            List<Object> values = i.operands();
            for (int k = 0; k < kinds.size(); k++) {
                Object x = values.get(k);
                Operand o = kinds.get(k);
                switch (o.kind()) {
                    case SHAPE -> {
                        // A shape with a value (QUOTE) prints as "value : shape"; alone, as a labelled comment.
                        boolean quoted = k + 1 < kinds.size() && kinds.get(k + 1).kind() == Operand.Kind.VALUE;
                        if (!quoted) out.append("  -- ").append(o.label()).append(": ").append(shape((Shape) x));
                    }
                    case VALUE -> out.append(' ').append(ValuePrinter.printErased((hotsm.vm.value.Value) x))
                            .append(" : ").append(shape((Shape) values.get(k - 1)));
                    case PRIM -> out.append(' ').append(((PrimOp) x).name()).append("  -- ").append(((PrimOp) x).symbol());
                    case INDEX -> {
                        int n = (Integer) x;
                        out.append(' ').append(n);
                        if (n < blocks.size()) out.append("  -- ").append(printable(blocks.get(n).name()));
                    }
                    case BLOCK -> { }
                }
            }
            out.append('\n');
            for (int k = 0; k < kinds.size(); k++) {
                if (kinds.get(k).kind() != Operand.Kind.BLOCK) continue;
                out.append(indent).append("       ").append(kinds.get(k).label()).append(":\n");
                block(out, indent + "         ", (Code) values.get(k), blocks);
            }
        }
        if (code.instructions().isEmpty()) out.append(indent).append("     (empty)\n");
    }
}
