package hotsm.vm.verify;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FOLD, CALL, ERROR, shared blocks and polymorphic primitives: typed, acyclic, and in the identity. */
class SharedBlocksVerifierTest {
    static final Shape INTS = new Shape.ListOf(Shape.INT);
    static final SharedBlock INC = new SharedBlock("inc", Shape.INT, Shape.INT,
            Code.of(push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.ADD)));

    private static Artifact machine(List<SharedBlock> blocks, Instruction... step) {
        return new Artifact("T.t", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), Code.of(step),
                List.of(), List.of(), blocks);
    }

    private static VerifyException refused(Artifact a, String section, String rulePart) {
        VerifyException e = assertThrows(VerifyException.class, () -> Verifier.verify(a));
        assertEquals(section, e.section(), e::getMessage);
        assertTrue(e.rule().contains(rulePart), e::getMessage);
        return e;
    }

    @Test
    void callsAreTypedByTheBlocksDeclaredShapes() {
        Verifier.verify(machine(List.of(INC), call(0), call(0)));
        refused(machine(List.of(INC), call(1)), "step", "CALL 1: there are only 1 shared blocks");
        refused(machine(List.of(INC), quote(Shape.STR, Value.of("x")), call(0), quote(Shape.INT, Value.of(0))),
                "step", "CALL 0 needs the block's input shape Int, found String");
        SharedBlock lies = new SharedBlock("lies", Shape.INT, Shape.STR, INC.code());
        refused(machine(List.of(lies)), "shared block #0 lies", "the code must end with String, found Int");
    }

    @Test
    void blocksCallOnlyLowerIndicesSoCallsAreAcyclic() {
        SharedBlock self = new SharedBlock("self", Shape.INT, Shape.INT, Code.of(call(0)));
        refused(machine(List.of(self)), "shared block #0 self", "may only call blocks of lower index");
        SharedBlock forward = new SharedBlock("fwd", Shape.INT, Shape.INT, Code.of(call(1)));
        refused(machine(List.of(forward, INC)), "shared block #0 fwd", "may only call blocks of lower index");
        Verifier.verify(machine(List.of(INC, new SharedBlock("twice", Shape.INT, Shape.INT, Code.of(call(0), call(0)))), call(1)));
    }

    @Test
    void sharedBlocksArePure() {
        SharedBlock getter = new SharedBlock("get", Shape.INT, Shape.INT, Code.of(get()));
        refused(machine(List.of(getter)), "shared block #0 get", "purity");
    }

    @Test
    void foldChecksItsBodyAgainstTheAccumulator() {
        Shape in = new Shape.Pair(Shape.UNIT, new Shape.Pair(Shape.INT, INTS));
        Verifier.verifyCode("step", Code.of(fold(block(snd(), prim(PrimOp.ADD)))), in, Shape.INT, null);
        VerifyException e = assertThrows(VerifyException.class, () -> Verifier.verifyCode("step",
                Code.of(fold(block(snd(), prim(PrimOp.EQ)))), in, Shape.INT, null));
        assertTrue(e.rule().contains("FOLD's body must end with the accumulator's shape Int"), e::getMessage);
        e = assertThrows(VerifyException.class, () -> Verifier.verifyCode("step",
                Code.of(fold(block(snd(), prim(PrimOp.ADD)))), new Shape.Pair(Shape.UNIT, Shape.INT), Shape.INT, null));
        assertTrue(e.rule().contains("FOLD needs (environment, (accumulator, list))"), e::getMessage);
        e = assertThrows(VerifyException.class, () -> Verifier.verifyCode("step",
                Code.of(fold(block(push(), snd(), prim(PrimOp.ADD)))), in, Shape.INT, null));
        assertEquals("step[0].fold[end]", e.path());
    }

    @Test
    void errorNeedsAStringAndHasItsDeclaredShape() {
        Verifier.verifyCode("step", Code.of(error(Shape.INT)), Shape.STR, Shape.INT, null);
        VerifyException e = assertThrows(VerifyException.class,
                () -> Verifier.verifyCode("step", Code.of(error(Shape.INT)), Shape.INT, Shape.INT, null));
        assertTrue(e.rule().contains("ERROR needs the message, a String"), e::getMessage);
    }

    @Test
    void polymorphicPrimitivesBindTheirVariablesPerUse() {
        Verifier.verifyCode("c", Code.of(prim(PrimOp.LIST_CONS)), new Shape.Pair(Shape.INT, INTS), INTS, null);
        Shape strs = new Shape.ListOf(Shape.STR);
        Verifier.verifyCode("c", Code.of(prim(PrimOp.LIST_CONS)), new Shape.Pair(Shape.STR, strs), strs, null);
        VerifyException e = assertThrows(VerifyException.class, () -> Verifier.verifyCode("c", Code.of(prim(PrimOp.LIST_CONS)),
                new Shape.Pair(Shape.STR, INTS), INTS, null));
        assertEquals("PRIM LIST_CONS needs (a, List a) (the same type for each variable), found (String, List Int)", e.rule());
        Shape m = new Shape.MapOf(Shape.STR, Shape.INT);
        assertEquals(new Shape.Sum(Shape.UNIT, Shape.INT),
                Verifier.typeOf(Code.of(prim(PrimOp.MAP_LOOKUP)), new Shape.Pair(Shape.STR, m), null));
        assertEquals(m, Verifier.typeOf(Code.of(prim(PrimOp.MAP_INSERT)),
                new Shape.Pair(Shape.STR, new Shape.Pair(Shape.INT, m)), null));
    }

    @Test
    void theIdentityHashesTheBlocksTheStepReachesNotTheTable() {
        SharedBlock other = new SharedBlock("other", Shape.STR, Shape.STR, Code.of());
        Artifact a = machine(List.of(INC), call(0));
        Artifact withMigrationBlock = machine(List.of(other, INC), call(1));
        assertEquals(Identities.of(a), Identities.of(withMigrationBlock));
        SharedBlock renamed = new SharedBlock("increment", INC.input(), INC.output(), INC.code());
        assertEquals(Identities.of(a), Identities.of(machine(List.of(renamed), call(0))));
        SharedBlock dec = new SharedBlock("inc", Shape.INT, Shape.INT,
                Code.of(push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.SUB)));
        assertNotEquals(Identities.of(a), Identities.of(machine(List.of(dec), call(0))));
        assertNotEquals(Identities.of(a), Identities.of(machine(List.of(), push(), quote(Shape.INT, Value.of(1)), cons(),
                prim(PrimOp.ADD))));
    }

    @Test
    void downgradeTargetsCarryTheirOwnBlocks() {
        Artifact target = machine(List.of(INC), call(0));
        Artifact next = new Artifact("T.u", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), Code.of(), List.of(
                new UpgradeSection(Identities.of(target), "T.t", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Code.of(call(0)),
                        Optional.of(Code.of(call(0))), Optional.empty())),
                List.of(new DowngradeSection(Identities.of(target), "T.t", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT,
                        target.step(), Code.of(call(0)), target.blocks())),
                List.of(new SharedBlock("dec", Shape.INT, Shape.INT,
                        Code.of(push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.SUB)))));
        Verifier.verify(next);
        Artifact back = ArtifactCodec.decode(ArtifactCodec.encode(next));
        assertEquals(next, back);
        assertEquals(Identities.of(target), Identities.of(back.downgrades().get(0)));
        Artifact noBlocks = new Artifact(next.name(), next.input(), next.output(), next.state(), next.initialState(),
                next.step(), next.upgrades(), List.of(new DowngradeSection(Identities.of(target), "T.t", TypeDesc.INT,
                TypeDesc.INT, TypeDesc.INT, target.step(), Code.of())), next.blocks());
        refused(noBlocks, "downgrade #1", "identity");
    }

    @Test
    void theWordCountSampleRoundTrips() {
        Artifact a = SampleArtifacts.wordCount();
        assertEquals(a, ArtifactCodec.decode(ArtifactCodec.encode(a)));
    }
}
