/**
 * Test fixtures shared through the vm test-jar: {@link hotsm.vm.testing.Asm}
 * (short names for writing CAM code by hand), {@link hotsm.vm.testing.SampleArtifacts}
 * (the counters of LANGUAGE.md §11 and two small machines, hand-compiled),
 * {@link hotsm.vm.testing.RandomArtifacts} (random types, values, code and
 * artifacts from a seed) and {@link hotsm.vm.testing.WellTypedCode} (random
 * code that is type-correct by construction).
 */
package hotsm.vm.testing;
