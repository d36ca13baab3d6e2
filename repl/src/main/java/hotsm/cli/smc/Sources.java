package hotsm.cli.smc;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import hotsm.compiler.ir.MachineIr;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Compiling {@code .sm} files for a command: diagnostics printed, machines chosen by name. */
final class Sources {

    private Sources() {}

    /**
     * Compiles {@code files}; prints every diagnostic to {@code err} and fails
     * with exit status 1 if there is any error.
     */
    static Compilation compile(List<Path> files, List<Path> includePaths, PrintWriter err) {
        List<Path> distinct = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!Files.exists(f)) throw new UserError("cannot read " + f + ": no such file");
            if (!Files.isRegularFile(f)) throw new UserError("cannot read " + f + ": not a file");
            if (seen.add(f.toAbsolutePath().normalize())) distinct.add(f); // a file named twice is read once
        }
        Compilation c = new Compiler(includePaths).compile(distinct);
        boolean failed = false;
        for (Diagnostic d : c.diagnostics()) {
            String source = c.sourcesByFile().get(d.file());
            err.println(source == null ? d.header() : DiagnosticPrinter.render(d, source));
            failed |= d.severity() == Diagnostic.Severity.ERROR;
        }
        err.flush();
        if (failed) throw UserError.reported();
        return c;
    }

    /**
     * The machine {@code name} (qualified {@code Module.machine}, or bare when
     * unambiguous) defined in the compiled files, or imported by them when
     * qualified; or the only one the files define when {@code name} is absent.
     */
    static MachineIr choose(Compilation compilation, Optional<String> name, String where) {
        List<MachineIr> machines = compilation.machines();
        List<String> names = new ArrayList<>();
        for (MachineIr m : machines) names.add(m.name());
        if (name.isPresent()) {
            Optional<MachineIr> found = compilation.machine(name.get());
            if (found.isEmpty()) found = Optional.ofNullable(compilation.allMachines().get(name.get())); // an imported one, qualified
            return found.orElseThrow(() -> new UserError(
                    where + " defines no machine '" + name.get() + "'" + hotsm.cli.MachineNames.didYouMean(name.get(), names)
                    + (names.isEmpty() ? "" : "; it defines " + String.join(", ", names))));
        }
        if (machines.isEmpty()) throw new UserError(where + " defines no machine");
        if (machines.size() > 1) {
            throw new UserError(where + " defines several machines (" + String.join(", ", names)
                    + "); choose one with --machine NAME");
        }
        return machines.get(0);
    }
}
