/**
 * The JIT tier: verified CAM code compiled to JVM bytecode with ASM, one
 * hidden class per code tree (a step, a migration, an adapter), so HotSpot
 * compiles machines as it compiles Java.
 *
 * <p>Input: {@link hotsm.vm.bytecode.Code} that passed the verifier. Output:
 * a {@link hotsm.vm.jit.JitCode} whose run gives the interpreter's value and
 * state. {@link hotsm.vm.jit.Translation}'s javadoc is the translation
 * table, one row per instruction; {@link hotsm.vm.jit.Rep} is how a value is
 * kept unbuilt within a method, {@link hotsm.vm.jit.Layout} how it crosses
 * a method boundary (pairs as components, {@code Int}s as {@code long}s). {@link hotsm.vm.jit.StepCode} pairs the
 * compiled class with the interpreter's loaded code; machines step on a
 * {@link hotsm.vm.jit.ResidentState}, their state kept between steps in the
 * class's layout (an {@code Int} as a {@code long}) and built only when asked.
 *
 * <p>Invariants. The interpreter ({@link hotsm.vm.machine.Cam}) is the
 * reference and stays the tier for tracing. Compiled code charges fuel per
 * straight-line segment on entry, so it never runs further than the
 * interpreter would; whenever compiled code throws, the run is repeated on the
 * interpreter, so errors and fuel boundaries are the interpreter's exactly.
 * The JIT refuses ({@link hotsm.vm.jit.JitRefusal}) a whole code tree that
 * has an instruction missing from its table, or that is too large for a JVM
 * class; that tree runs interpreted. Primitives other than arithmetic call
 * their one definition, {@link hotsm.vm.bytecode.PrimOp#apply}. A law in the compiler's
 * tests checks JIT = interpreter = reference IR interpreter on random programs.
 */
package hotsm.vm.jit;
