package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Writes the parts of an artifact in the canonical encoding of docs/bytecode.md. */
final class ArtifactEncoder {
    final ByteSink out = new ByteSink();

    void artifact(Artifact a) {
        out.raw(ArtifactCodec.MAGIC);
        out.u16(ArtifactCodec.VERSION);
        string(a.name());
        type(a.input());
        type(a.output());
        type(a.state());
        value(a.initialState());
        sharedBlocks(a.blocks());
        block(a.step());
        count(a.upgrades().size());
        for (UpgradeSection u : a.upgrades()) {
            out.raw(u.from().bytes());
            string(u.fromName());
            type(u.oldInput());
            type(u.oldOutput());
            type(u.oldState());
            block(u.migration());
            optionalBlock(u.inputAdapter());
            optionalBlock(u.outputAdapter());
        }
        count(a.downgrades().size());
        for (DowngradeSection d : a.downgrades()) {
            out.raw(d.to().bytes());
            string(d.toName());
            type(d.toInput());
            type(d.toOutput());
            type(d.toState());
            sharedBlocks(d.toBlocks());
            block(d.toStep());
            block(d.migration());
        }
    }

    /** {@code CALL} operands as written, or renumbered for an identity ({@code null}: as written). */
    private int[] renumber;

    /**
     * The part of an artifact its identity hashes: name, the three types, the
     * shared blocks the step reaches (in the order it first reaches them,
     * without their names) and the step code, CALL operands renumbered alike.
     */
    void identityParts(String name, TypeDesc input, TypeDesc output, TypeDesc state, Code step, List<SharedBlock> blocks) {
        string(name);
        type(input);
        type(output);
        type(state);
        List<Integer> reached = reached(step, blocks);
        renumber = new int[blocks.size()];
        for (int i = 0; i < reached.size(); i++) renumber[reached.get(i)] = i;
        count(reached.size());
        for (int k : reached) {
            SharedBlock b = blocks.get(k);
            shape(b.input());
            shape(b.output());
            block(b.code());
        }
        block(step);
        renumber = null;
    }

    /** The indices of the blocks {@code root} calls, directly or not, in the order first reached. */
    static List<Integer> reached(Code root, List<SharedBlock> blocks) {
        List<Integer> order = new java.util.ArrayList<>();
        boolean[] seen = new boolean[blocks.size()];
        calls(root, blocks, seen, order);
        for (int i = 0; i < order.size(); i++) calls(blocks.get(order.get(i)).code(), blocks, seen, order);
        return order;
    }

    /** Appends the blocks {@code code} calls (nested blocks included, in order) not seen yet. */
    private static void calls(Code code, List<SharedBlock> blocks, boolean[] seen, List<Integer> order) {
        java.util.ArrayDeque<java.util.Iterator<Instruction>> open = new java.util.ArrayDeque<>();
        open.push(code.instructions().iterator());
        while (!open.isEmpty()) {
            java.util.Iterator<Instruction> it = open.peek();
            if (!it.hasNext()) {
                open.pop();
                continue;
            }
            Instruction i = it.next();
            List<Operand> kinds = i.opcode().operands();
            List<Object> values = i.operands();
            for (int k = kinds.size() - 1; k >= 0; k--) { // nested blocks in order: the last pushed first
                Operand.Kind kind = kinds.get(k).kind();
                if (kind == Operand.Kind.BLOCK) {
                    open.push(((Code) values.get(k)).instructions().iterator());
                } else if (kind == Operand.Kind.INDEX) {
                    int n = (Integer) values.get(k);
                    if (n < blocks.size() && !seen[n]) {
                        seen[n] = true;
                        order.add(n);
                    }
                }
            }
        }
    }

    /** The table of shared blocks: count, then each block's name, input and output shapes, and code. */
    private void sharedBlocks(List<SharedBlock> blocks) {
        count(blocks.size());
        for (SharedBlock b : blocks) {
            string(b.name());
            shape(b.input());
            shape(b.output());
            block(b.code());
        }
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.u32(b.length);
        out.raw(b);
    }

    private void count(int n) {
        if (n > 0xFFFF) throw new IllegalArgumentException("more than 65535 items: " + n);
        out.u16(n);
    }

    void type(TypeDesc t) {
        if (t instanceof TypeDesc.Unit) {
            out.u8(ArtifactCodec.TYPE_UNIT);
        } else if (t instanceof TypeDesc.Int) {
            out.u8(ArtifactCodec.TYPE_INT);
        } else if (t instanceof TypeDesc.Str) {
            out.u8(ArtifactCodec.TYPE_STRING);
        } else if (t instanceof TypeDesc.Tuple tuple) {
            out.u8(ArtifactCodec.TYPE_TUPLE);
            types(tuple.components());
        } else if (t instanceof TypeDesc.Data d) {
            out.u8(ArtifactCodec.TYPE_DATA);
            string(d.name());
            types(d.arguments());
            count(d.constructors().size());
            for (TypeDesc.Constructor c : d.constructors()) {
                string(c.name());
                types(c.fields());
                count(c.fieldNames().size());
                for (String f : c.fieldNames()) string(f);
            }
        } else if (t instanceof TypeDesc.ListOf l) {
            out.u8(ArtifactCodec.TYPE_LIST);
            type(l.element());
        } else if (t instanceof TypeDesc.MapOf m) {
            out.u8(ArtifactCodec.TYPE_MAP);
            type(m.key());
            type(m.value());
        } else {
            throw new IllegalArgumentException("unknown type " + t);
        }
    }

    private void types(List<TypeDesc> ts) {
        count(ts.size());
        for (TypeDesc t : ts) type(t);
    }

    void shape(Shape s) {
        if (s instanceof Shape.Unit) {
            out.u8(ArtifactCodec.SHAPE_UNIT);
        } else if (s instanceof Shape.Int) {
            out.u8(ArtifactCodec.SHAPE_INT);
        } else if (s instanceof Shape.Str) {
            out.u8(ArtifactCodec.SHAPE_STRING);
        } else if (s instanceof Shape.Pair p) {
            out.u8(ArtifactCodec.SHAPE_PAIR);
            shape(p.first());
            shape(p.second());
        } else if (s instanceof Shape.Sum sum) {
            out.u8(ArtifactCodec.SHAPE_SUM);
            shape(sum.left());
            shape(sum.right());
        } else if (s instanceof Shape.ListOf l) {
            out.u8(ArtifactCodec.SHAPE_LIST);
            shape(l.element());
        } else if (s instanceof Shape.MapOf m) {
            out.u8(ArtifactCodec.SHAPE_MAP);
            shape(m.key());
            shape(m.value());
        } else {
            throw new IllegalArgumentException("unknown shape " + s);
        }
    }

    /** A value in prefix order, with an explicit stack: a list of a million elements costs no Java stack. */
    void value(Value root) {
        java.util.ArrayDeque<Value> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (v instanceof Value.Unit) {
                out.u8(ArtifactCodec.VALUE_UNIT);
            } else if (v instanceof Value.Int i) {
                out.u8(ArtifactCodec.VALUE_INT);
                out.i64(i.value());
            } else if (v instanceof Value.Str s) {
                out.u8(ArtifactCodec.VALUE_STRING);
                string(s.value());
            } else if (v instanceof Value.Pair p) {
                out.u8(ArtifactCodec.VALUE_PAIR);
                todo.push(p.second());
                todo.push(p.first());
            } else if (v instanceof Value.Inl l) {
                out.u8(ArtifactCodec.VALUE_INL);
                todo.push(l.value());
            } else if (v instanceof Value.Inr r) {
                out.u8(ArtifactCodec.VALUE_INR);
                todo.push(r.value());
            } else if (v instanceof Value.ListOf list) {
                out.u8(ArtifactCodec.VALUE_LIST);
                out.u32(list.size());
                java.util.List<Value> elements = list.toList();
                for (int k = elements.size() - 1; k >= 0; k--) todo.push(elements.get(k));
            } else if (v instanceof Value.MapOf map) {
                out.u8(ArtifactCodec.VALUE_MAP);
                out.u32(map.size());
                java.util.List<Value.Pair> entries = map.entries();
                for (int k = entries.size() - 1; k >= 0; k--) {
                    todo.push(entries.get(k).second());
                    todo.push(entries.get(k).first());
                }
            } else {
                throw new IllegalArgumentException("unknown value " + v);
            }
        }
    }

    private void optionalBlock(Optional<Code> code) {
        out.u8(code.isPresent() ? 1 : 0);
        code.ifPresent(this::block);
    }

    void block(Code code) {
        int at = out.reserveLength();
        for (Instruction i : code.instructions()) instruction(i);
        out.patchLength(at);
    }

    /** The opcode byte, then each operand by its kind (the table's operand column). */
    private void instruction(Instruction i) {
        Opcode op = Opcode.of(i);
        out.u8(op.code());
        List<Object> values = i.operands();
        for (int k = 0; k < op.operands().size(); k++) {
            Object x = values.get(k);
            switch (op.operands().get(k).kind()) {
                case SHAPE -> shape((Shape) x);
                case VALUE -> value((Value) x);
                case PRIM -> out.u8(((PrimOp) x).code());
                case BLOCK -> block((Code) x);
                case INDEX -> {
                    int n = (Integer) x;
                    out.u16(renumber != null && n < renumber.length ? renumber[n] : n);
                }
            }
        }
    }
}
