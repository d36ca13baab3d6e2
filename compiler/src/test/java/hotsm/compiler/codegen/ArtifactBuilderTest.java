package hotsm.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.machine.Cam;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Artifacts of hand-built machines and of the counter samples: sections point at the right identities. */
class ArtifactBuilderTest {

    /** {@code adder : Int -> Int}, state Int: adds its input to the state and returns the new total. */
    private static MachineIr adder(String name, List<MachineIr.UpgradeIr> ups, List<MachineIr.DowngradeIr> downs) {
        Term total = new Term.Fork(Term.ID, Term.DROP.then(Term.GET)).then(new Term.Prim(PrimOp.ADD));
        Term step = total.then(new Term.Fork(Term.PUT, Term.ID)).then(Term.SND);
        return new MachineIr(name, TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), step, ups, downs);
    }

    @Test void aMachineWithoutSections() {
        MachineIr m = adder("Adder.adder", List.of(), List.of());
        Artifact a = ArtifactBuilder.build(m);
        Verifier.verify(a);
        assertEquals("Adder.adder", a.name());
        assertEquals(List.of(TypeDesc.INT, TypeDesc.INT, TypeDesc.INT), List.of(a.input(), a.output(), a.state()));
        assertEquals(Value.of(0), a.initialState());
        assertEquals(CamCompiler.compile(m.step()), a.step());
        assertEquals(new Cam.Result(Value.of(7), Value.of(7)), Cam.run(a.step(), Value.of(3), Value.of(4), 1000));
        assertEquals(Identities.of(a), ArtifactBuilder.identity(m));
    }

    @Test void upgradeAndDowngradeSectionsNameTheOtherMachinesIdentity() {
        MachineIr v1 = adder("Adder.adder", List.of(), List.of());
        Term twice = new Term.Fork(Term.ID, Term.ID).then(new Term.Prim(PrimOp.ADD));
        Term inputAdapter = new Term.Prim(PrimOp.NEG);
        MachineIr v2 = adder("Adder2.adder",
                List.of(new MachineIr.UpgradeIr(v1, twice, Optional.of(inputAdapter), Optional.empty())),
                List.of(new MachineIr.DowngradeIr(v1, Term.ID)));
        Artifact a1 = ArtifactBuilder.build(v1);
        Artifact a2 = ArtifactBuilder.build(v2);
        Verifier.verify(a2);
        assertNotEquals(Identities.of(a1), Identities.of(a2));

        UpgradeSection up = a2.upgrades().get(0);
        assertEquals(Identities.of(a1), up.from());
        assertEquals("Adder.adder", up.fromName());
        assertEquals(List.of(TypeDesc.INT, TypeDesc.INT, TypeDesc.INT), List.of(up.oldInput(), up.oldOutput(), up.oldState()));
        assertEquals(CamCompiler.compile(twice), up.migration());
        assertEquals(Optional.of(CamCompiler.compile(inputAdapter)), up.inputAdapter());
        assertEquals(Optional.empty(), up.outputAdapter());
        assertEquals(Value.of(10), Cam.run(up.migration(), Value.of(5), null, 100).value());

        DowngradeSection down = a2.downgrades().get(0);
        assertEquals(Identities.of(a1), down.to());
        assertEquals(Identities.of(a1), Identities.of(down));
        assertEquals("Adder.adder", down.toName());
        assertEquals(a1.step(), down.toStep());
        assertEquals(hotsm.vm.bytecode.Code.of(), down.migration(), "the identity migration is no code");
    }

    @Test void theCounterSamplesChainByIdentity() {
        Path samples = Path.of(System.getProperty("hotsm.root", "..")).resolve("samples/counter");
        Compilation c = new Compiler(List.of()).compile(List.of(
                samples.resolve("Counter1.sm"), samples.resolve("Counter2.sm"), samples.resolve("Counter3.sm")));
        assertEquals(List.of(), c.diagnostics());
        Artifact c1 = ArtifactBuilder.build(c.allMachines().get("Counter1.counter"));
        Artifact c2 = ArtifactBuilder.build(c.allMachines().get("Counter2.counter"));
        Artifact c3 = ArtifactBuilder.build(c.allMachines().get("Counter3.counter"));
        for (Artifact a : List.of(c1, c2, c3)) Verifier.verify(a);
        assertEquals(Identities.of(c1), c2.upgrades().get(0).from());
        assertEquals(Identities.of(c1), c2.downgrades().get(0).to());
        assertEquals(Identities.of(c2), c3.upgrades().get(0).from());
        assertTrue(c3.upgrades().get(0).inputAdapter().isPresent() && c3.upgrades().get(0).outputAdapter().isPresent());
        assertEquals(Shape.INT, c2.downgrades().get(0).toState().erase());
    }
}
