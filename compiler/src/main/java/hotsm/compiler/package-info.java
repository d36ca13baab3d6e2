/**
 * The compiler's facade: {@link hotsm.compiler.Compiler} runs the phases
 * (load and parse, {@code resolve}; bind the top-level names,
 * {@code resolve.Binder}, and check, {@code types}, which report their errors
 * together; lower, {@code desugar}) and hands back a {@link hotsm.compiler.Compilation}: the
 * diagnostics, the sources to print them against, the checked program and the
 * {@link hotsm.compiler.ir.MachineIr}s, and on request each machine's
 * {@link hotsm.compiler.CompiledArtifact} (built, verified by the vm's
 * verifier, encoded). {@link hotsm.compiler.MachineNames} is the one rule for
 * picking a machine by a typed name. {@link hotsm.compiler.IrListing} is
 * the text of {@code smc ir}. A phase runs only when the ones before it
 * reported no error.
 */
package hotsm.compiler;
