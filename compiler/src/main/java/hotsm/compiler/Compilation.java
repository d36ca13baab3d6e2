package hotsm.compiler;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.types.CheckResult;
import hotsm.compiler.types.Typed;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Compiler#compile} produced: diagnostics, or the checked
 * program and its machines as IR; {@link #artifact} and {@link #artifacts}
 * carry them on to verified {@code .cam} artifacts, and {@link #resolveMachine}
 * picks one by the name a person typed.
 *
 * @param diagnostics   every error, sorted by file (in the order files were read), line and column;
 *                      the phases after the first one that reported errors did not run
 * @param sourcesByFile the text of every file read, for {@code DiagnosticPrinter}
 * @param check         the checker's result (null if loading failed); the REPL checks expressions in it
 * @param machines      the machines defined in the files given (not their imports), in source order
 * @param allMachines   every machine of the compilation by qualified name ({@code Counter1.counter})
 * @param modulesByFile the module each file read declares (or is named after), by file as diagnostics name it
 */
public record Compilation(List<Diagnostic> diagnostics, Map<String, String> sourcesByFile, CheckResult check,
                          List<MachineIr> machines, Map<String, MachineIr> allMachines,
                          Map<String, String> modulesByFile) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        sourcesByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourcesByFile));
        machines = List.copyOf(machines);
        allMachines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(allMachines));
        modulesByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modulesByFile));
    }

    /** The module {@code file} (as given to the compiler) declares or is named after, if it was read and parsed. */
    public Optional<String> moduleOf(java.nio.file.Path file) {
        return Optional.ofNullable(modulesByFile.get(file.toString()));
    }

    public boolean ok() { return diagnostics.isEmpty(); }

    /** The checked program, when type checking ran. */
    public Optional<Typed.Program> program() {
        return check == null ? Optional.empty() : Optional.ofNullable(check.program());
    }

    /**
     * A machine defined in the given files, by qualified name ({@code Counter1.counter})
     * or by bare name ({@code counter}) when that is unambiguous ({@link MachineNames}).
     */
    public Optional<MachineIr> machine(String name) {
        return MachineNames.find(name, machineNames()).map(this::defined);
    }

    /**
     * The machine {@code name} picks ({@link MachineNames}'s rule over the
     * machines the files define); a qualified name may also name a machine of
     * an imported module.
     *
     * @param where the file(s) compiled, as errors should name them
     * @throws MachineNames.NotFound with the one wording of a missing or ambiguous machine
     */
    public MachineIr resolveMachine(String name, String where) {
        if (!machineNames().contains(name) && allMachines.containsKey(name)) return allMachines.get(name);
        return defined(MachineNames.resolve(name, machineNames(), where));
    }

    /** The qualified names of {@link #machines()}, in source order. */
    public List<String> machineNames() {
        List<String> names = new java.util.ArrayList<>();
        for (MachineIr m : machines) names.add(m.name());
        return names;
    }

    private MachineIr defined(String qualified) {
        for (MachineIr m : machines) if (m.name().equals(qualified)) return m;
        throw new IllegalStateException(qualified);
    }

    /**
     * The front door's last step: {@code machine} built and verified by the
     * vm's verifier; {@link CompiledArtifact#bytes} encodes it.
     *
     * @throws CompiledArtifact.OverLimit when it is over a limit of the VM
     */
    public CompiledArtifact artifact(MachineIr machine) {
        return CompiledArtifact.build(machine);
    }

    /** {@link #artifact} of every machine the files define, in source order. */
    public List<CompiledArtifact> artifacts() {
        List<CompiledArtifact> out = new java.util.ArrayList<>();
        for (MachineIr m : machines) out.add(artifact(m));
        return out;
    }
}
