package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the encoding of docs/bytecode.md defensively: every read is checked
 * against the end of the enclosing block or file, every count against the
 * bytes left, and every nesting against a limit, so no file can make it
 * allocate more than its size suggests or recurse deeply: shapes, values and
 * code blocks are read with explicit stacks; only types recurse, to a small limit.
 */
final class ArtifactDecoder extends ByteReader {
    private int typeDepth;

    ArtifactDecoder(byte[] bytes) {
        super(bytes);
    }

    Artifact artifact() {
        if (bytes.length > ArtifactCodec.MAX_FILE_BYTES) {
            throw fail(0, "file of " + bytes.length + " bytes is larger than the limit of " + ArtifactCodec.MAX_FILE_BYTES);
        }
        for (int i = 0; i < ArtifactCodec.MAGIC.length; i++) {
            int at = pos;
            if (u8() != ArtifactCodec.MAGIC[i]) throw fail(at, "bad magic: not a hotsm artifact (expected HSMC)");
        }
        int at = pos;
        int version = u16();
        if (version != ArtifactCodec.VERSION) {
            throw fail(at, "artifact format version " + version + " is not supported: this VM reads version "
                    + ArtifactCodec.VERSION + "; recompile it with smc");
        }
        section = "name";
        String name = string();
        section = "types";
        TypeDesc input = type();
        TypeDesc output = type();
        TypeDesc state = type();
        section = "initial state";
        Value initial = value();
        section = "shared blocks";
        List<SharedBlock> blocks = sharedBlocks("shared block #");
        section = "step code";
        Code step = block();
        section = "upgrades";
        int upgradeCount = count();
        List<UpgradeSection> upgrades = new ArrayList<>();
        for (int i = 1; i <= upgradeCount; i++) upgrades.add(upgrade("upgrade #" + i));
        section = "downgrades";
        int downgradeCount = count();
        List<DowngradeSection> downgrades = new ArrayList<>();
        for (int i = 1; i <= downgradeCount; i++) downgrades.add(downgrade("downgrade #" + i));
        section = "end of file";
        if (pos != bytes.length) throw fail(pos, (bytes.length - pos) + " trailing bytes after the last section");
        return new Artifact(name, input, output, state, initial, step, upgrades, downgrades, blocks);
    }

    /** A table of shared blocks: count, then each one's name, input and output shapes, and code. */
    private List<SharedBlock> sharedBlocks(String label) {
        String outer = section;
        int n = count();
        List<SharedBlock> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            section = outer + ": " + label + i;
            String blockName = string();
            Shape in = shape();
            Shape out = shape();
            blocks.add(new SharedBlock(blockName, in, out, block()));
        }
        section = outer;
        return blocks;
    }

    private UpgradeSection upgrade(String label) {
        section = label + " header";
        Identity from = identity();
        String fromName = string();
        section = label + " types";
        TypeDesc oldInput = type();
        TypeDesc oldOutput = type();
        TypeDesc oldState = type();
        section = label + " migration";
        Code migration = block();
        section = label + " input adapter";
        Optional<Code> inputAdapter = optionalBlock();
        section = label + " output adapter";
        Optional<Code> outputAdapter = optionalBlock();
        return new UpgradeSection(from, fromName, oldInput, oldOutput, oldState, migration, inputAdapter, outputAdapter);
    }

    private DowngradeSection downgrade(String label) {
        section = label + " header";
        Identity to = identity();
        String toName = string();
        section = label + " types";
        TypeDesc toInput = type();
        TypeDesc toOutput = type();
        TypeDesc toState = type();
        section = label + " shared blocks";
        List<SharedBlock> toBlocks = sharedBlocks("shared block #");
        section = label + " step code";
        Code toStep = block();
        section = label + " migration";
        Code migration = block();
        return new DowngradeSection(to, toName, toInput, toOutput, toState, toStep, migration, toBlocks);
    }

    private Optional<Code> optionalBlock() {
        int at = pos;
        int flag = u8();
        if (flag == 0) return Optional.empty();
        if (flag != 1) throw fail(at, "presence flag must be 0 or 1, found " + flag);
        return Optional.of(block());
    }

    private TypeDesc type() {
        int at = pos;
        if (++typeDepth > ArtifactCodec.MAX_TYPE_DEPTH) {
            throw fail(at, "type nested more than " + ArtifactCodec.MAX_TYPE_DEPTH + " levels deep");
        }
        int tag = u8();
        TypeDesc t;
        switch (tag) {
            case ArtifactCodec.TYPE_UNIT -> t = TypeDesc.UNIT;
            case ArtifactCodec.TYPE_INT -> t = TypeDesc.INT;
            case ArtifactCodec.TYPE_STRING -> t = TypeDesc.STR;
            case ArtifactCodec.TYPE_TUPLE -> {
                List<TypeDesc> components = types();
                if (components.size() < 2) throw fail(at, "a tuple type has at least 2 components, found " + components.size());
                t = new TypeDesc.Tuple(components);
            }
            case ArtifactCodec.TYPE_DATA -> {
                String name = string();
                List<TypeDesc> arguments = types();
                int n = count();
                if (n == 0) throw fail(at, "a data type has no constructors");
                List<TypeDesc.Constructor> ctors = new ArrayList<>(n);
                for (int i = 0; i < n; i++) ctors.add(constructor());
                t = new TypeDesc.Data(name, arguments, ctors);
            }
            case ArtifactCodec.TYPE_LIST -> t = new TypeDesc.ListOf(type());
            case ArtifactCodec.TYPE_MAP -> {
                TypeDesc key = type();
                t = new TypeDesc.MapOf(key, type());
            }
            default -> throw fail(at, "unknown type tag 0x" + hex(tag));
        }
        typeDepth--;
        return t;
    }

    /** A constructor: name, field types, field names (none, or one per field). */
    private TypeDesc.Constructor constructor() {
        String name = string();
        List<TypeDesc> fields = types();
        int at = pos;
        int n = count();
        if (n != 0 && n != fields.size()) {
            throw fail(at, "constructor " + name + " has " + fields.size() + " fields but " + n + " field names");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add(string());
        return new TypeDesc.Constructor(name, fields, names);
    }

    private List<TypeDesc> types() {
        int n = count();
        List<TypeDesc> ts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) ts.add(type());
        return ts;
    }

    /** A node of a shape or value being read: its tag, how many parts it takes, the parts read so far. */
    private static final class Open {
        final int tag;
        final int parts;
        final List<Object> read;

        Open(int tag, int parts) {
            this.tag = tag;
            this.parts = parts;
            this.read = new ArrayList<>(Math.min(parts, 1024));
        }
    }

    /** Reads a shape with an explicit stack, so nesting costs heap, not Java stack. */
    private Shape shape() {
        ArrayDeque<Open> pending = new ArrayDeque<>();
        while (true) {
            int at = pos;
            if (pending.size() >= ArtifactCodec.MAX_DEPTH) throw fail(at, "nested more than " + ArtifactCodec.MAX_DEPTH + " levels deep");
            int tag = u8();
            Object done;
            switch (tag) {
                case ArtifactCodec.SHAPE_UNIT -> done = Shape.UNIT;
                case ArtifactCodec.SHAPE_INT -> done = Shape.INT;
                case ArtifactCodec.SHAPE_STRING -> done = Shape.STR;
                case ArtifactCodec.SHAPE_PAIR, ArtifactCodec.SHAPE_SUM, ArtifactCodec.SHAPE_MAP -> {
                    pending.push(new Open(tag, 2));
                    continue;
                }
                case ArtifactCodec.SHAPE_LIST -> {
                    pending.push(new Open(tag, 1));
                    continue;
                }
                default -> throw fail(at, "unknown shape tag 0x" + hex(tag));
            }
            while (true) {
                Open top = pending.peek();
                if (top == null) return (Shape) done;
                top.read.add(done);
                if (top.read.size() < top.parts) break;
                pending.pop();
                List<Object> r = top.read;
                done = switch (top.tag) {
                    case ArtifactCodec.SHAPE_PAIR -> new Shape.Pair((Shape) r.get(0), (Shape) r.get(1));
                    case ArtifactCodec.SHAPE_SUM -> new Shape.Sum((Shape) r.get(0), (Shape) r.get(1));
                    case ArtifactCodec.SHAPE_MAP -> new Shape.MapOf((Shape) r.get(0), (Shape) r.get(1));
                    default -> new Shape.ListOf((Shape) r.get(0));
                };
            }
        }
    }

    /**
     * Reads a value with an explicit stack, so nesting and long lists cost
     * heap, not Java stack. A map's keys must be strictly ascending (the
     * canonical encoding, so equal maps hash alike).
     */
    private Value value() {
        ArrayDeque<Open> pending = new ArrayDeque<>();
        while (true) {
            int at = pos;
            if (pending.size() >= ArtifactCodec.MAX_DEPTH) throw fail(at, "nested more than " + ArtifactCodec.MAX_DEPTH + " levels deep");
            int tag = u8();
            Value done;
            switch (tag) {
                case ArtifactCodec.VALUE_UNIT -> done = Value.UNIT;
                case ArtifactCodec.VALUE_INT -> done = Value.of(i64());
                case ArtifactCodec.VALUE_STRING -> done = Value.of(string());
                case ArtifactCodec.VALUE_PAIR -> {
                    pending.push(new Open(tag, 2));
                    continue;
                }
                case ArtifactCodec.VALUE_INL, ArtifactCodec.VALUE_INR -> {
                    pending.push(new Open(tag, 1));
                    continue;
                }
                case ArtifactCodec.VALUE_LIST, ArtifactCodec.VALUE_MAP -> {
                    int countAt = pos;
                    long n = u32();
                    long parts = tag == ArtifactCodec.VALUE_MAP ? 2 * n : n;
                    if (parts > limit - pos) throw fail(countAt, "count " + n + " is more than the " + (limit - pos) + " bytes left");
                    if (parts > 0) {
                        pending.push(new Open(tag, (int) parts));
                        continue;
                    }
                    done = tag == ArtifactCodec.VALUE_MAP ? Value.EMPTY_MAP : Value.NIL;
                }
                default -> throw fail(at, "unknown value tag 0x" + hex(tag));
            }
            while (true) {
                Open top = pending.peek();
                if (top == null) return done;
                top.read.add(done);
                if (top.read.size() < top.parts) break;
                pending.pop();
                done = build(top, at);
            }
        }
    }

    private Value build(Open node, int at) {
        List<Object> r = node.read;
        switch (node.tag) {
            case ArtifactCodec.VALUE_PAIR:
                return new Value.Pair((Value) r.get(0), (Value) r.get(1));
            case ArtifactCodec.VALUE_INL:
                return new Value.Inl((Value) r.get(0));
            case ArtifactCodec.VALUE_INR:
                return new Value.Inr((Value) r.get(0));
            case ArtifactCodec.VALUE_LIST: {
                Value.ListOf list = Value.NIL;
                for (int i = r.size() - 1; i >= 0; i--) list = list.cons((Value) r.get(i));
                return list;
            }
            default: {
                List<Value.Pair> entries = new ArrayList<>(r.size() / 2);
                for (int i = 0; i < r.size(); i += 2) entries.add(new Value.Pair((Value) r.get(i), (Value) r.get(i + 1)));
                try {
                    return Value.MapOf.ofAscending(entries);
                } catch (IllegalArgumentException e) {
                    throw fail(at, e.getMessage());
                }
            }
        }
    }

    /** A block being read: its instructions so far, where it ends, and an instruction waiting for its blocks. */
    private static final class OpenBlock {
        final List<Instruction> instructions = new ArrayList<>();
        final int outerLimit;
        /** The instruction whose block operands are being read, else {@code null}. */
        Opcode waiting;
        /** Its operands read so far: the others, then the blocks. */
        List<Object> operands;

        OpenBlock(int outerLimit) { this.outerLimit = outerLimit; }
    }

    /**
     * Reads a block and the blocks nested in it (CASE branches, FOLD bodies:
     * the {@code block} operands of the table) with an explicit stack of open
     * blocks, so nesting costs heap, not Java stack.
     */
    private Code block() {
        ArrayDeque<OpenBlock> open = new ArrayDeque<>();
        openBlock(open);
        while (true) {
            OpenBlock top = open.peek();
            if (pos < limit) {
                int at = pos;
                int b = u8();
                Opcode op = Opcode.ofByte(b);
                if (op == null) throw fail(at, "unknown opcode 0x" + hex(b));
                List<Object> operands = operands(op);
                if (op.hasBlocks()) {
                    top.waiting = op;
                    top.operands = operands;
                    openBlock(open);
                } else {
                    top.instructions.add(op.make(operands));
                }
                continue;
            }
            Code done = new Code(top.instructions);
            open.pop();
            limit = top.outerLimit;
            OpenBlock parent = open.peek();
            if (parent == null) return done;
            parent.operands.add(done);
            if (parent.operands.size() < parent.waiting.operands().size()) {
                openBlock(open);
                continue;
            }
            parent.instructions.add(parent.waiting.make(parent.operands));
            parent.waiting = null;
            parent.operands = null;
        }
    }

    /** Reads a block's length and opens it: reads stop at its end until it is closed. */
    private void openBlock(ArrayDeque<OpenBlock> open) {
        int at = pos;
        if (open.size() >= ArtifactCodec.MAX_BLOCK_DEPTH) {
            throw fail(at, "blocks nested more than " + ArtifactCodec.MAX_BLOCK_DEPTH + " levels deep");
        }
        long length = u32();
        if (length > limit - pos) {
            throw fail(at, "block of " + length + " bytes runs past the end of its "
                    + (limit == bytes.length ? "file" : "enclosing block") + " (" + (limit - pos) + " bytes left)");
        }
        open.push(new OpenBlock(limit));
        limit = pos + (int) length;
    }

    /** The operands of {@code op} up to its blocks, each read by its kind (the table's operand column). */
    private List<Object> operands(Opcode op) {
        List<Object> values = new ArrayList<>(op.operands().size());
        for (Operand o : op.operands()) {
            switch (o.kind()) {
                case SHAPE -> values.add(shape());
                case VALUE -> values.add(value());
                case PRIM -> {
                    int at = pos;
                    int p = u8();
                    PrimOp prim = PrimOp.ofByte(p);
                    if (prim == null) throw fail(at, "unknown primitive 0x" + hex(p));
                    values.add(prim);
                }
                case INDEX -> values.add(u16());
                case BLOCK -> {
                    return values; // read next by block(), on its explicit stack
                }
            }
        }
        return values;
    }
}
