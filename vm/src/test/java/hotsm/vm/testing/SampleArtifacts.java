package hotsm.vm.testing;

import static hotsm.vm.testing.Asm.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * The counters of LANGUAGE.md §11 and two small machines, written by hand in
 * CAM code (what the compiler should produce, give or take), for tests that
 * need valid artifacts without the compiler. Shared through the vm test-jar.
 */
public final class SampleArtifacts {
    private SampleArtifacts() {}

    public static final TypeDesc INPUT = data("Input", ctor("Incr"), ctor("Count"));
    public static final TypeDesc OUTPUT = data("Output", ctor("Ok"), ctor("Total", TypeDesc.INT));
    public static final TypeDesc INPUT3 = data("Input3", ctor("Reset"), ctor("Toggle"), ctor("Incr3"), ctor("Count3"));
    public static final TypeDesc OUTPUT3 = data("Output3", ctor("Done"), ctor("Total3", TypeDesc.INT));
    public static final TypeDesc STATE2 = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT));
    public static final TypeDesc STATE3 = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.BOOL));

    /** {@code Counter1.counter}: state Int; Incr adds one and answers Ok, Count answers Total n. */
    public static final Code COUNTER1_STEP = Code.of(
            caseOf(block(get(), push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.ADD), put(), inl(Shape.INT)),
                   block(get(), inr(Shape.UNIT))));

    public static Artifact counter1() {
        return new Artifact("Counter1.counter", INPUT, OUTPUT, TypeDesc.INT, Value.of(0), COUNTER1_STEP, List.of(), List.of());
    }

    /** {@code Counter2.counter}: state (old, new); Incr bumps new; Count answers Total new. */
    public static final Code COUNTER2_STEP = Code.of(
            caseOf(block(get(), push(), fst(), swap(), snd(), push(), quote(Shape.INT, Value.of(1)), cons(),
                           prim(PrimOp.ADD), cons(), put(), inl(Shape.INT)),
                   block(get(), snd(), inr(Shape.UNIT))));

    /** Counter2, upgradable from Counter1 ({@code n -> (n, n)}) and downgradable to it ({@code (_, new) -> new}). */
    public static Artifact counter2() {
        Artifact c1 = counter1();
        UpgradeSection up = new UpgradeSection(Identities.of(c1), c1.name(), INPUT, OUTPUT, TypeDesc.INT,
                Code.of(push(), cons()), Optional.empty(), Optional.empty());
        DowngradeSection down = new DowngradeSection(Identities.of(c1), c1.name(), INPUT, OUTPUT, TypeDesc.INT,
                COUNTER1_STEP, Code.of(snd()));
        return new Artifact("Counter2.counter", INPUT, OUTPUT, STATE2, Value.pair(Value.of(0), Value.of(0)),
                COUNTER2_STEP, List.of(up), List.of(down));
    }

    private static final Shape OUT3 = new Shape.Sum(Shape.UNIT, Shape.INT);

    /** {@code Counter3.counter}: Reset, Toggle (direction), Incr3 (up or down), Count3; state (n, down). */
    public static final Code COUNTER3_STEP = Code.of(
            caseOf(block(quote(STATE3.erase(), Value.pair(Value.of(0), Value.FALSE)), put(), inl(Shape.INT)),
                   block(caseOf(
                           block(get(), push(), fst(), swap(), snd(),
                                 caseOf(block(inr(Shape.UNIT)), block(inl(Shape.UNIT))),
                                 cons(), put(), inl(Shape.INT)),
                           block(caseOf(
                                   block(get(), push(), dist(),
                                         caseOf(block(fst(), push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.ADD)),
                                                block(fst(), push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.SUB))),
                                         swap(), snd(), cons(), put(), inl(Shape.INT)),
                                   block(get(), fst(), inr(Shape.UNIT))))))));

    /** Counter3, upgradable from Counter2 with input/output adapters for old clients. */
    public static Artifact counter3() {
        Artifact c2 = counter2();
        Shape in3 = INPUT3.erase();
        Code migration = Code.of(snd(), push(), quote(Shape.BOOL, Value.FALSE), cons());
        Code inputAdapter = Code.of(caseOf(
                block(quote(in3, new Value.Inr(new Value.Inr(new Value.Inl(Value.UNIT))))),
                block(quote(in3, new Value.Inr(new Value.Inr(new Value.Inr(Value.UNIT)))))));
        Code outputAdapter = Code.of(caseOf(block(inl(Shape.INT)), block(inr(Shape.UNIT))));
        UpgradeSection up = new UpgradeSection(Identities.of(c2), c2.name(), INPUT, OUTPUT, STATE2,
                migration, Optional.of(inputAdapter), Optional.of(outputAdapter));
        return new Artifact("Counter3.counter", INPUT3, OUTPUT3, STATE3, Value.pair(Value.of(0), Value.FALSE),
                COUNTER3_STEP, List.of(up), List.of());
    }

    /** {@code Echo.echo : String -> String}, state Int: counts characters seen, answers {@code s ++ showInt count}. */
    public static Artifact echo() {
        Code step = Code.of(push(), prim(PrimOp.LENGTH), push(), get(), cons(), prim(PrimOp.ADD), put(), get(),
                prim(PrimOp.SHOW_INT), cons(), prim(PrimOp.CONCAT));
        return new Artifact("Echo.echo", TypeDesc.STR, TypeDesc.STR, TypeDesc.INT, Value.of(0), step, List.of(), List.of());
    }

    /**
     * {@code Divider.divider : Int -> Int}, state Int from 1000: the state becomes state / input
     * and is the answer; input 0 is a division by zero.
     */
    public static Artifact divider() {
        Code step = Code.of(push(), get(), swap(), cons(), prim(PrimOp.DIV), put(), get());
        return new Artifact("Divider.divider", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(1000), step,
                List.of(), List.of());
    }

    public static final TypeDesc COUNTS = new TypeDesc.MapOf(TypeDesc.STR, TypeDesc.INT);

    /**
     * Shared block 0 of {@link #wordCount()}, {@code bump : (Map String Int, String) -> Map String Int}:
     * {@code Map.insert (w, 1 + (Map.lookup (w, m) or 0), m)}, as {@code Fork Snd (Fork count Fst)}.
     */
    public static final Code BUMP = Code.of(
            push(), snd(), swap(),
            push(),
            push(), snd(), swap(), fst(), cons(), prim(PrimOp.MAP_LOOKUP),
            caseOf(block(quote(Shape.INT, Value.of(0))), block()),
            push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.ADD),
            swap(), fst(), cons(),
            cons(), prim(PrimOp.MAP_INSERT));

    /**
     * {@code WordCount.count : String -> Int}, state {@code Map String Int}: splits the
     * text at spaces, counts each word (a FOLD calling shared block 0), answers the
     * number of distinct words; the empty text is an {@code ERROR}.
     */
    public static Artifact wordCount() {
        Shape counts = COUNTS.erase();
        Code step = Code.of(
                push(), push(), quote(Shape.STR, Value.of("")), cons(), prim(PrimOp.EQ),
                caseOf(block(), block(quote(Shape.STR, Value.of("no words in \u001b the empty text")), error(Shape.UNIT))),
                cons(), fst(), // the text again (PUSHed first)
                push(), quote(Shape.STR, Value.of(" ")), swap(), cons(), prim(PrimOp.STR_SPLIT),
                push(), get(), swap(), cons(),
                push(), quote(Shape.UNIT, Value.UNIT), swap(), cons(),
                fold(block(snd(), call(0))),
                push(), put(), cons(), fst(), prim(PrimOp.MAP_SIZE));
        List<hotsm.vm.bytecode.SharedBlock> blocks = List.of(
                new hotsm.vm.bytecode.SharedBlock("bump", new Shape.Pair(counts, Shape.STR), counts, BUMP));
        return new Artifact("WordCount.count", TypeDesc.STR, TypeDesc.INT, COUNTS, Value.EMPTY_MAP, step,
                List.of(), List.of(), blocks);
    }

    /** All of the above. */
    public static List<Artifact> all() {
        return List.of(counter1(), counter2(), counter3(), echo(), divider(), wordCount());
    }
}
