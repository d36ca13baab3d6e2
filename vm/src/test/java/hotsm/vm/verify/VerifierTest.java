package hotsm.vm.verify;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Samples pass; for each rule, at least three artifacts that break it are refused with it. */
class VerifierTest {
    static final Shape IxI = new Shape.Pair(Shape.INT, Shape.INT);

    @Test
    void samplesVerify() {
        for (Artifact a : SampleArtifacts.all()) Verifier.verify(a);
    }

    /** A machine Int -> Int with state Int whose step is {@code code}. */
    private static Artifact step(Instruction... code) {
        return stepTyped(TypeDesc.INT, TypeDesc.INT, code);
    }

    private static Artifact stepTyped(TypeDesc in, TypeDesc out, Instruction... code) {
        return new Artifact("T.t", in, out, TypeDesc.INT, Value.of(0), Code.of(code), List.of(), List.of());
    }

    private static VerifyException refused(Artifact a, String section, String path, String rulePart) {
        VerifyException e = assertThrows(VerifyException.class, () -> Verifier.verify(a));
        assertEquals(section, e.section(), e::getMessage);
        assertEquals(path, e.path(), e::getMessage);
        assertTrue(e.rule().contains(rulePart), e::getMessage);
        return e;
    }

    @Test
    void projectionsNeedPairs() {
        refused(step(fst()), "step", "step[0]", "FST needs a pair in the value register, found Int");
        refused(step(push(), cons(), snd(), snd()), "step", "step[3]", "SND needs a pair");
        refused(step(caseOf(block(), block())), "step", "step[0]", "CASE needs a sum");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.INT, caseOf(block(quote(Shape.INT, Value.of(1))), block(fst()))),
                "step", "step[0].case.right[0]", "FST needs a pair");
    }

    @Test
    void stackBalance() {
        refused(step(swap()), "step", "step[0]", "stack balance: SWAP needs a value on the stack");
        refused(step(cons()), "step", "step[0]", "stack balance: CONS needs a value on the stack");
        refused(step(push()), "step", "step[end]", "stack balance: a block must end with the stack it started with (0 value(s)), found 1");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.BOOL, push(), caseOf(block(push()), block(push())), cons(), fst()),
                "step", "step[1].case.left[end]", "stack balance: a block must end with the stack it started with");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.BOOL, push(), push(), caseOf(block(swap(), swap(), cons(), inl(Shape.UNIT)), block()),
                        cons(), fst()),
                "step", "step[2].case.left[end]", "stack balance");
    }

    @Test
    void quotedValuesHaveTheirShape() {
        refused(step(quote(Shape.INT, Value.of("x"))), "step", "step[0]", "QUOTE: the quoted value \"x\" does not have its declared shape Int");
        refused(step(quote(Shape.INT, Value.of("x\ny\r"))), "step", "step[0]", "QUOTE: the quoted value \"x\\ny\\u000d\" does not");
        refused(step(quote(IxI, Value.pair(Value.of(1), Value.UNIT)), fst()), "step", "step[0]", "QUOTE");
        refused(step(quote(Shape.BOOL, new Value.Inl(Value.of(1))), caseOf(block(quote(Shape.INT, Value.of(1))), block(quote(Shape.INT, Value.of(1))))),
                "step", "step[0]", "does not have its declared shape () + ()");
    }

    @Test
    void caseNeedsASum() {
        refused(step(caseOf(block(), block())), "step", "step[0]", "CASE needs a sum in the value register, found Int");
        refused(step(push(), cons(), caseOf(block(fst()), block(snd()))), "step", "step[2]", "CASE needs a sum in the value register, found (Int, Int)");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.INT, caseOf(block(caseOf(block(), block()), quote(Shape.INT, Value.of(0))),
                        block(quote(Shape.INT, Value.of(1))))),
                "step", "step[0].case.left[0]", "CASE needs a sum in the value register, found ()");
    }

    @Test
    void caseBranchesEndAlike() {
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.INT, caseOf(block(quote(Shape.INT, Value.of(1))), block())),
                "step", "step[0]", "CASE branches must end with the same shape: left ends with Int, right with ()");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.BOOL, caseOf(block(inl(Shape.UNIT)), block(inl(Shape.INT)))),
                "step", "step[0]", "CASE branches must end with the same shape");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.BOOL, caseOf(block(inl(Shape.UNIT)), block(inr(Shape.INT)))),
                "step", "step[0]", "left ends with () + (), right with Int + ()");
    }

    @Test
    void distNeedsAPairWithASum() {
        refused(step(dist()), "step", "step[0]", "DIST needs a pair");
        refused(step(push(), cons(), dist()), "step", "step[2]", "DIST needs a pair whose second component is a sum, found (Int, Int)");
        refused(stepTyped(TypeDesc.BOOL, TypeDesc.INT, dist()), "step", "step[0]", "DIST needs a pair");
    }

    @Test
    void primitivesAreTyped() {
        refused(step(prim(PrimOp.ADD)), "step", "step[0]", "PRIM ADD needs (Int, Int), found Int");
        refused(step(prim(PrimOp.LENGTH)), "step", "step[0]", "PRIM LENGTH needs String, found Int");
        refused(step(push(), prim(PrimOp.SHOW_INT), cons(), prim(PrimOp.EQ)), "step", "step[3]",
                "PRIM EQ needs (a, a) (the same type for each variable), found (Int, String)");
        refused(step(push(), cons(), prim(PrimOp.CONCAT)), "step", "step[2]", "PRIM CONCAT needs (String, String)");
        refused(step(prim(PrimOp.SHOW_INT)), "step", "step[end]", "result: the code must end with Int, found String");
        refused(step(push(), cons(), prim(PrimOp.NEG)), "step", "step[2]", "PRIM NEG needs Int");
    }

    @Test
    void putNeedsTheStateShape() {
        refused(step(push(), cons(), put(), quote(Shape.INT, Value.of(0))), "step", "step[2]", "PUT needs a value of the state's shape Int, found (Int, Int)");
        refused(step(prim(PrimOp.SHOW_INT), put(), get()), "step", "step[1]", "PUT needs a value of the state's shape");
        refused(step(quote(Shape.UNIT, Value.UNIT), put(), get()), "step", "step[1]", "found ()");
    }

    @Test
    void stepEndsWithTheOutputShape() {
        refused(step(quote(Shape.STR, Value.of("x"))), "step", "step[end]", "result: the code must end with Int, found String");
        refused(stepTyped(TypeDesc.INT, SampleArtifacts.OUTPUT, inl(Shape.UNIT)), "step", "step[end]",
                "result: the code must end with () + Int, found Int + ()");
        refused(step(get(), put()), "step", "step[end]", "found ()");
    }

    @Test
    void initialStateHasTheStateType() {
        Artifact c = SampleArtifacts.counter1();
        for (Value bad : List.of(Value.UNIT, Value.of("0"), Value.pair(Value.of(0), Value.of(0)))) {
            Artifact a = new Artifact(c.name(), c.input(), c.output(), c.state(), bad, c.step(), List.of(), List.of());
            refused(a, "initial state", "", "the initial state does not have the state type Int");
        }
    }

    private static Artifact withUpgrade(UpgradeSection u) {
        Artifact c2 = SampleArtifacts.counter2();
        return new Artifact(c2.name(), c2.input(), c2.output(), c2.state(), c2.initialState(), c2.step(), List.of(u), List.of());
    }

    private static UpgradeSection upgrade(Code migration, Optional<Code> in, Optional<Code> out) {
        Artifact c1 = SampleArtifacts.counter1();
        return new UpgradeSection(Identities.of(c1), c1.name(), c1.input(), c1.output(), c1.state(), migration, in, out);
    }

    @Test
    void migrationsAndAdaptersArePure() {
        refused(withUpgrade(upgrade(Code.of(get(), push(), cons()), Optional.empty(), Optional.empty())),
                "upgrade #1 migration", "migration[0]", "purity: GET is not allowed in pure code");
        refused(withUpgrade(upgrade(Code.of(push(), cons()), Optional.of(Code.of(put(), inl(Shape.UNIT))), Optional.empty())),
                "upgrade #1 input adapter", "input[0]", "purity: PUT is not allowed");
        refused(withUpgrade(upgrade(Code.of(push(), cons()), Optional.empty(), Optional.of(Code.of(get(), inr(Shape.UNIT))))),
                "upgrade #1 output adapter", "output[0]", "purity: GET");
        Artifact c2 = SampleArtifacts.counter2();
        DowngradeSection d = c2.downgrades().get(0);
        DowngradeSection impure = new DowngradeSection(d.to(), d.toName(), d.toInput(), d.toOutput(), d.toState(),
                d.toStep(), Code.of(get(), snd()));
        refused(new Artifact(c2.name(), c2.input(), c2.output(), c2.state(), c2.initialState(), c2.step(), List.of(), List.of(impure)),
                "downgrade #1 migration", "migration[0]", "purity: GET");
    }

    @Test
    void upgradeCodeIsTypedAgainstBothMachines() {
        refused(withUpgrade(upgrade(Code.of(), Optional.empty(), Optional.empty())),
                "upgrade #1 migration", "migration[end]", "result: the code must end with (Int, Int), found Int");
        refused(withUpgrade(upgrade(Code.of(push(), cons()), Optional.of(Code.of(inl(Shape.INT))), Optional.empty())),
                "upgrade #1 input adapter", "input[end]", "result: the code must end with () + (), found (() + ()) + Int");
        refused(withUpgrade(upgrade(Code.of(push(), cons()), Optional.empty(), Optional.of(Code.of(fst())))),
                "upgrade #1 output adapter", "output[0]", "FST needs a pair");
    }

    @Test
    void downgradeTargetsMatchTheirIdentityAndType() {
        Artifact c2 = SampleArtifacts.counter2();
        DowngradeSection d = c2.downgrades().get(0);
        List<DowngradeSection> bad = new ArrayList<>();
        bad.add(new DowngradeSection(Identities.of(c2), d.toName(), d.toInput(), d.toOutput(), d.toState(), d.toStep(), d.migration()));
        bad.add(new DowngradeSection(d.to(), "Counter0.counter", d.toInput(), d.toOutput(), d.toState(), d.toStep(), d.migration()));
        bad.add(new DowngradeSection(d.to(), d.toName(), d.toInput(), d.toOutput(), d.toState(), Code.of(get(), inr(Shape.UNIT)), d.migration()));
        for (DowngradeSection s : bad) {
            refused(new Artifact(c2.name(), c2.input(), c2.output(), c2.state(), c2.initialState(), c2.step(), List.of(), List.of(s)),
                    "downgrade #1", "", "identity: the target's name, types and step code hash to");
        }
        Code badStep = Code.of(fst());
        DowngradeSection illTyped = new DowngradeSection(Identities.of(d.toName(), d.toInput(), d.toOutput(), d.toState(), badStep),
                d.toName(), d.toInput(), d.toOutput(), d.toState(), badStep, d.migration());
        refused(new Artifact(c2.name(), c2.input(), c2.output(), c2.state(), c2.initialState(), c2.step(), List.of(), List.of(illTyped)),
                "downgrade #1 step", "step[0]", "FST needs a pair");
        DowngradeSection badMigration = new DowngradeSection(d.to(), d.toName(), d.toInput(), d.toOutput(), d.toState(), d.toStep(), Code.of());
        refused(new Artifact(c2.name(), c2.input(), c2.output(), c2.state(), c2.initialState(), c2.step(), List.of(), List.of(badMigration)),
                "downgrade #1 migration", "migration[end]", "result");
    }

    @Test
    void shapesAreBoundedInDepth() {
        // v -> (v, v) 1001 times: a shape deeper than the limit.
        List<Instruction> code = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            code.add(push());
            code.add(cons());
        }
        refused(new Artifact("T.t", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), new Code(code), List.of(), List.of()),
                "step", "step[1999]", "shape nesting: a shape deeper than 1000 levels");
        Shape deep = Shape.INT;
        for (int i = 0; i < 1000; i++) deep = new Shape.Sum(Shape.UNIT, deep);
        refused(step(inl(deep)), "step", "step[0]", "shape nesting");
        List<TypeDesc.Constructor> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) many.add(ctor("C" + i));
        TypeDesc wide = new TypeDesc.Data("Wide", List.of(), many);
        refused(new Artifact("T.t", wide, TypeDesc.INT, TypeDesc.INT, Value.of(0), Code.of(quote(Shape.INT, Value.of(0))), List.of(), List.of()),
                "types", "", "shape nesting: the input type is nested deeper than 1000 levels once erased");
    }

    @Test
    void constructorNamesAreDistinct() {
        TypeDesc twice = data("Twice", ctor("A"), ctor("A"));
        refused(stepTyped(twice, TypeDesc.INT, quote(Shape.INT, Value.of(0))), "types", "",
                "constructor names: the input type's data type Twice has two constructors named A");
        refused(stepTyped(TypeDesc.INT, new TypeDesc.Tuple(List.of(TypeDesc.INT, twice)), push(), quote(Shape.BOOL, Value.TRUE), cons()),
                "types", "", "the output type's data type Twice");
        TypeDesc nested = data("Box", ctor("Box", twice));
        refused(stepTyped(nested, TypeDesc.INT, quote(Shape.INT, Value.of(0))), "types", "", "Twice has two constructors named A");
    }

    @Test
    void namesAreIdentifiers() {
        Artifact c1 = SampleArtifacts.counter1();
        for (String bad : List.of("", "../etc/passwd", "Counter1..counter", "Counter 1.counter", "1.x")) {
            Artifact a = new Artifact(bad, c1.input(), c1.output(), c1.state(), c1.initialState(), c1.step(), List.of(), List.of());
            refused(a, "name", "", "is not a machine name");
        }
        refused(stepTyped(data("Lower", ctor("incr"), ctor("Count")), TypeDesc.INT, quote(Shape.INT, Value.of(0))),
                "types", "", "constructor named 'incr', which is not a capitalised identifier");
        refused(stepTyped(data("Spaced", ctor("A B")), TypeDesc.INT, quote(Shape.INT, Value.of(0))),
                "types", "", "constructor named 'A B'");
        refused(stepTyped(data("Empty", ctor("")), TypeDesc.INT, quote(Shape.INT, Value.of(0))),
                "types", "", "constructor named ''");
        refused(stepTyped(data("maybe", ctor("No")), TypeDesc.INT, quote(Shape.INT, Value.of(0))),
                "types", "", "type names: the input type has a data type named 'maybe'");
        refused(stepTyped(TypeDesc.INT, new TypeDesc.Tuple(List.of(TypeDesc.INT, data("Pre.Bool", ctor("F"), ctor("T")))),
                        push(), quote(Shape.BOOL, Value.TRUE), cons()),
                "types", "", "type names: the output type has a data type named 'Pre.Bool'");
        refused(stepTyped(data("Box", ctor("Box", data("", ctor("X")))), TypeDesc.INT, quote(Shape.INT, Value.of(0))),
                "types", "", "type names: the input type has a data type named ''");
        VerifyException e = refused(new Artifact("a\nb", c1.input(), c1.output(), c1.state(), c1.initialState(), c1.step(),
                List.of(), List.of()), "name", "", "'a\\u000ab' is not a machine name");
        assertTrue(!e.getMessage().contains("\n"), "one line");
        UpgradeSection u = upgrade(Code.of(push(), cons()), Optional.empty(), Optional.empty());
        UpgradeSection badName = new UpgradeSection(u.from(), "a/b", u.oldInput(), u.oldOutput(), u.oldState(),
                u.migration(), u.inputAdapter(), u.outputAdapter());
        refused(withUpgrade(badName), "upgrade #1", "", "'a/b' is not a machine name");
    }

    @Test
    void verifyCodeAndTypeOfCheckSingleBlocks() {
        assertEquals(IxI, Verifier.typeOf(Code.of(push(), cons()), Shape.INT, null));
        Verifier.verifyCode("f", Code.of(push(), cons(), prim(PrimOp.ADD)), Shape.INT, Shape.INT, null);
        VerifyException e = assertThrows(VerifyException.class,
                () -> Verifier.verifyCode("f", Code.of(get()), Shape.INT, Shape.INT, null));
        assertEquals("f, at f[0]: purity: GET is not allowed in pure code (migrations and adapters)", e.getMessage());
    }
}
