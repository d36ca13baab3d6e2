package hotsm.compiler;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.types.CheckResult;
import hotsm.compiler.types.Typed;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Compiler#compile} produced.
 *
 * @param diagnostics   every error, sorted by file (in the order files were read), line and column;
 *                      the phases after the first one that reported errors did not run
 * @param sourcesByFile the text of every file read, for {@code DiagnosticPrinter}
 * @param check         the checker's result (null if loading failed); the REPL checks expressions in it
 * @param machines      the machines defined in the files given (not their imports), in source order
 * @param allMachines   every machine of the compilation by qualified name ({@code Counter1.counter})
 */
public record Compilation(List<Diagnostic> diagnostics, Map<String, String> sourcesByFile, CheckResult check,
                          List<MachineIr> machines, Map<String, MachineIr> allMachines) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        sourcesByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourcesByFile));
        machines = List.copyOf(machines);
        allMachines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(allMachines));
    }

    public boolean ok() { return diagnostics.isEmpty(); }

    /** The checked program, when type checking ran. */
    public Optional<Typed.Program> program() {
        return check == null ? Optional.empty() : Optional.ofNullable(check.program());
    }

    /**
     * A machine defined in the given files, by qualified name ({@code Counter1.counter})
     * or by bare name ({@code counter}) when that is unambiguous.
     */
    public Optional<MachineIr> machine(String name) {
        for (MachineIr m : machines) if (m.name().equals(name)) return Optional.of(m);
        MachineIr found = null;
        for (MachineIr m : machines) {
            if (m.name().substring(m.name().lastIndexOf('.') + 1).equals(name)) {
                if (found != null) return Optional.empty();
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
