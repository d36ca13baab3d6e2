package hotsm.vm.node;

import static hotsm.vm.bytecode.Instruction.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * The three counters of LANGUAGE.md §11, built by hand from CAM instructions
 * (so the node tests need no compiler), plus broken variants for refusals.
 */
public final class CounterArtifacts {
    private CounterArtifacts() {}

    private static TypeDesc.Constructor ctor(String name, TypeDesc... fields) {
        return new TypeDesc.Constructor(name, List.of(fields));
    }

    public static final TypeDesc INPUT = new TypeDesc.Data("Input", List.of(), List.of(ctor("Incr"), ctor("Count")));
    public static final TypeDesc OUTPUT = new TypeDesc.Data("Output", List.of(),
            List.of(ctor("Ok"), ctor("Total", TypeDesc.INT)));
    public static final TypeDesc INPUT3 = new TypeDesc.Data("Input3", List.of(),
            List.of(ctor("Reset"), ctor("Toggle"), ctor("Incr3"), ctor("Count3")));
    public static final TypeDesc OUTPUT3 = new TypeDesc.Data("Output3", List.of(),
            List.of(ctor("Done"), ctor("Total3", TypeDesc.INT)));
    public static final TypeDesc STATE2 = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT));
    public static final TypeDesc STATE3 = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.BOOL));

    public static final Value INCR = new Value.Inl(Value.UNIT);
    public static final Value COUNT = new Value.Inr(Value.UNIT);
    public static final Value OK = new Value.Inl(Value.UNIT);

    public static Value total(long n) { return new Value.Inr(Value.of(n)); }

    private static Instruction quote(long n) { return new Quote(Shape.INT, Value.of(n)); }

    /** {@code v = n -> v = n + 1}. */
    private static final List<Instruction> PLUS_ONE =
            List.of(new Push(), quote(1), new Cons(), new Prim(PrimOp.ADD));

    private static Code code(List<?>... parts) {
        java.util.ArrayList<Instruction> all = new java.util.ArrayList<>();
        for (List<?> p : parts) for (Object o : p) all.add((Instruction) o);
        return new Code(all);
    }

    /** Counter1.counter: state Int; Incr -> n + 1, Ok; Count -> Total n. */
    public static final Code STEP1 = Code.of(new Case(
            code(List.of(new Get()), PLUS_ONE, List.of(new Put(), new Inl(Shape.INT))),
            Code.of(new Get(), new Inr(Shape.UNIT))));

    /** Counter2.counter: state (old, new); Incr bumps new; Count -> Total new. */
    public static final Code STEP2 = Code.of(new Case(
            code(List.of(new Get(), new Push(), new Fst(), new Swap(), new Snd()), PLUS_ONE,
                    List.of(new Cons(), new Put(), new Inl(Shape.INT))),
            Code.of(new Get(), new Snd(), new Inr(Shape.UNIT))));

    /** Counter3.counter: state (n, down); Reset, Toggle, Incr3, Count3. */
    public static final Code STEP3 = Code.of(new Case(
            Code.of(new Quote(STATE3.erase(), Value.pair(Value.of(0), Value.FALSE)), new Put(), new Inl(Shape.INT)),
            Code.of(new Case(
                    Code.of(new Get(), new Push(), new Fst(), new Swap(), new Snd(),
                            new Case(Code.of(new Inr(Shape.UNIT)), Code.of(new Inl(Shape.UNIT))),
                            new Cons(), new Put(), new Inl(Shape.INT)),
                    Code.of(new Case(
                            Code.of(new Get(), new Dist(), new Case(
                                    code(List.of(new Fst()), PLUS_ONE,
                                            List.of(new Push(), new Quote(Shape.BOOL, Value.FALSE), new Cons())),
                                    code(List.of(new Fst(), new Push(), quote(1), new Cons(), new Prim(PrimOp.SUB)),
                                            List.of(new Push(), new Quote(Shape.BOOL, Value.TRUE), new Cons()))),
                                    new Put(), new Inl(Shape.INT)),
                            Code.of(new Get(), new Fst(), new Inr(Shape.UNIT))))))));

    public static final String NAME1 = "Counter1.counter";
    public static final String NAME2 = "Counter2.counter";
    public static final String NAME3 = "Counter3.counter";

    public static Identity id1() { return Identities.of(NAME1, INPUT, OUTPUT, TypeDesc.INT, STEP1); }

    public static Identity id2() { return Identities.of(NAME2, INPUT, OUTPUT, STATE2, STEP2); }

    public static Identity id3() { return Identities.of(NAME3, INPUT3, OUTPUT3, STATE3, STEP3); }

    public static Artifact counter1() {
        return new Artifact(NAME1, INPUT, OUTPUT, TypeDesc.INT, Value.of(0), STEP1, List.of(), List.of());
    }

    /** The upgrade 1 -> 2 with the given migration ({@code n -> (n, n)} in the real one). */
    public static Artifact counter2(Code migration) {
        UpgradeSection up = new UpgradeSection(id1(), NAME1, INPUT, OUTPUT, TypeDesc.INT, migration,
                Optional.empty(), Optional.empty());
        DowngradeSection down = new DowngradeSection(id1(), NAME1, INPUT, OUTPUT, TypeDesc.INT, STEP1,
                Code.of(new Snd()));
        return new Artifact(NAME2, INPUT, OUTPUT, STATE2, Value.pair(Value.of(0), Value.of(0)), STEP2,
                List.of(up), List.of(down));
    }

    public static Artifact counter2() { return counter2(Code.of(new Push(), new Cons())); }

    /**
     * Counter3 with the upgrade from Counter2 ({@code (_, new) -> (new, False)})
     * and the input/output adapters; {@code withDowngrade} adds a way back to
     * Counter2 ({@code (n, _) -> (n, n)}), which the sample does not have.
     */
    public static Artifact counter3(boolean withDowngrade) {
        Code inputAdapter = Code.of(new Case(
                Code.of(new Inl(Shape.UNIT), new Inr(Shape.UNIT), new Inr(Shape.UNIT)),
                Code.of(new Inr(Shape.UNIT), new Inr(Shape.UNIT), new Inr(Shape.UNIT))));
        UpgradeSection up = new UpgradeSection(id2(), NAME2, INPUT, OUTPUT, STATE2,
                Code.of(new Snd(), new Push(), new Quote(Shape.BOOL, Value.FALSE), new Cons()),
                Optional.of(inputAdapter), Optional.of(Code.of()));
        List<DowngradeSection> downs = withDowngrade
                ? List.of(new DowngradeSection(id2(), NAME2, INPUT, OUTPUT, STATE2, STEP2,
                        Code.of(new Fst(), new Push(), new Cons())))
                : List.of();
        return new Artifact(NAME3, INPUT3, OUTPUT3, STATE3, Value.pair(Value.of(0), Value.FALSE), STEP3,
                List.of(up), downs);
    }

    /** Counter2 whose migration claims to build a String: ill-typed, the verifier must refuse it. */
    public static Artifact counter2IllTyped() {
        return counter2(Code.of(new Quote(Shape.STR, Value.of("oops"))));
    }

    /** Counter2 whose migration divides by zero at run time. */
    public static Artifact counter2FailingMigration() {
        return counter2(Code.of(new Push(), quote(0), new Cons(), new Prim(PrimOp.DIV), new Push(), new Cons()));
    }
}
