package hotsm.vm.testing;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random types, values, shapes, code and artifacts from a seed (jqwik passes
 * the seed, so failures shrink to a seed and replay). Types are closed and
 * well formed; values conform to their types; code is well formed but not
 * necessarily type-correct (for the codec).
 */
public final class RandomArtifacts {
    private final Random random;

    public RandomArtifacts(long seed) { this.random = new Random(seed); }

    public TypeDesc type(int depth) {
        int k = random.nextInt(depth <= 0 ? 4 : 9);
        switch (k) {
            case 0: return TypeDesc.UNIT;
            case 1: return TypeDesc.INT;
            case 2: return TypeDesc.STR;
            case 3: return TypeDesc.BOOL;
            case 4: {
                List<TypeDesc> cs = new ArrayList<>();
                int n = 2 + random.nextInt(3);
                for (int i = 0; i < n; i++) cs.add(type(depth - 1));
                return new TypeDesc.Tuple(cs);
            }
            case 7: return new TypeDesc.ListOf(type(depth - 1));
            case 8: return new TypeDesc.MapOf(type(depth - 1), type(depth - 1));
            default: {
                int n = 1 + random.nextInt(4);
                List<TypeDesc.Constructor> ctors = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<TypeDesc> fields = new ArrayList<>();
                    int f = random.nextInt(3);
                    for (int j = 0; j < f; j++) fields.add(type(depth - 1));
                    List<String> names = new ArrayList<>();
                    if (f > 0 && random.nextBoolean()) {
                        for (int j = 0; j < f; j++) names.add("f" + j + name(""));
                    }
                    ctors.add(new TypeDesc.Constructor(name("C") + i, fields, names));
                }
                List<TypeDesc> args = random.nextBoolean() ? List.of() : List.of(type(0));
                return new TypeDesc.Data(name("T"), args, ctors);
            }
        }
    }

    private String name(String prefix) {
        String letters = "abcxyzAZ_'09";
        StringBuilder b = new StringBuilder(prefix);
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) b.append(letters.charAt(random.nextInt(letters.length())));
        return b.toString();
    }

    public Value value(TypeDesc type) {
        return value(type.erase());
    }

    public Value value(Shape shape) {
        if (shape instanceof Shape.Unit) return Value.UNIT;
        if (shape instanceof Shape.Int) return Value.of(integer());
        if (shape instanceof Shape.Str) return Value.of(string());
        if (shape instanceof Shape.Pair p) return Value.pair(value(p.first()), value(p.second()));
        if (shape instanceof Shape.ListOf l) {
            List<Value> elements = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) elements.add(value(l.element()));
            return Value.ListOf.of(elements);
        }
        if (shape instanceof Shape.MapOf m) {
            List<Value> entries = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) entries.add(Value.pair(value(m.key()), value(m.value())));
            return Value.MapOf.of(entries, hotsm.vm.value.Meter.FREE);
        }
        Shape.Sum s = (Shape.Sum) shape;
        return random.nextBoolean() ? new Value.Inl(value(s.left())) : new Value.Inr(value(s.right()));
    }

    public long integer() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextLong();
            case 1 -> Long.MIN_VALUE + random.nextInt(3);
            case 2 -> Long.MAX_VALUE - random.nextInt(3);
            default -> random.nextInt(201) - 100;
        };
    }

    public String string() {
        String alphabet = "ab \"\\\n\t\r()',-0é€\u0001";
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        if (random.nextInt(10) == 0) b.appendCodePoint(0x1F600);
        return b.toString();
    }

    public Shape shape(int depth) {
        int k = random.nextInt(depth <= 0 ? 3 : 7);
        return switch (k) {
            case 0 -> Shape.UNIT;
            case 1 -> Shape.INT;
            case 2 -> Shape.STR;
            case 3 -> new Shape.Pair(shape(depth - 1), shape(depth - 1));
            case 4 -> new Shape.ListOf(shape(depth - 1));
            case 5 -> new Shape.MapOf(shape(depth - 1), shape(depth - 1));
            default -> new Shape.Sum(shape(depth - 1), shape(depth - 1));
        };
    }

    /** Well-formed, not necessarily well-typed, code. */
    public Code code(int depth) {
        List<Instruction> is = new ArrayList<>();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) is.add(instruction(depth));
        return new Code(is);
    }

    private Instruction instruction(int depth) {
        int k = random.nextInt(depth <= 0 ? 14 : 16);
        return switch (k) {
            case 0 -> new Instruction.Fst();
            case 1 -> new Instruction.Snd();
            case 2 -> new Instruction.Push();
            case 3 -> new Instruction.Swap();
            case 4 -> new Instruction.Cons();
            case 5 -> {
                Shape s = shape(2);
                yield new Instruction.Quote(s, value(s));
            }
            case 6 -> new Instruction.Inl(shape(2));
            case 7 -> new Instruction.Inr(shape(2));
            case 8 -> new Instruction.Dist();
            case 9 -> new Instruction.Prim(PrimOp.values()[random.nextInt(PrimOp.values().length)]);
            case 10 -> new Instruction.Get();
            case 11 -> new Instruction.Put();
            case 12 -> new Instruction.Call(random.nextInt(3));
            case 13 -> new Instruction.Error(shape(2));
            case 14 -> new Instruction.Fold(code(depth - 1));
            default -> new Instruction.Case(code(depth - 1), code(depth - 1));
        };
    }

    private Identity identity() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return new Identity(b);
    }

    public Artifact artifact() {
        TypeDesc state = type(2);
        List<UpgradeSection> ups = new ArrayList<>();
        int u = random.nextInt(3);
        for (int i = 0; i < u; i++) {
            ups.add(new UpgradeSection(identity(), name("M.m"), type(2), type(2), type(2), code(2),
                    random.nextBoolean() ? Optional.of(code(2)) : Optional.empty(),
                    random.nextBoolean() ? Optional.of(code(2)) : Optional.empty()));
        }
        List<DowngradeSection> downs = new ArrayList<>();
        int d = random.nextInt(3);
        for (int i = 0; i < d; i++) {
            downs.add(new DowngradeSection(identity(), name("M.m"), type(2), type(2), type(2), code(2), code(2), blocks()));
        }
        return new Artifact(name("Mod.machine"), type(2), type(2), state, value(state), code(3), ups, downs, blocks());
    }

    private List<hotsm.vm.bytecode.SharedBlock> blocks() {
        List<hotsm.vm.bytecode.SharedBlock> blocks = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) blocks.add(new hotsm.vm.bytecode.SharedBlock(name("f"), shape(2), shape(2), code(2)));
        return blocks;
    }
}
