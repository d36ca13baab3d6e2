package hotsm.compiler;

import hotsm.compiler.desugar.DesugarError;
import hotsm.compiler.desugar.Desugarer;
import hotsm.compiler.desugar.TypeDescs;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.IrRuntimeError;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.compiler.resolve.LoadResult;
import hotsm.compiler.resolve.ModuleLoader;
import hotsm.compiler.syntax.ExprParseResult;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.Parser;
import hotsm.compiler.types.CheckResult;
import hotsm.compiler.types.ExprCheckResult;
import hotsm.compiler.types.TypeChecker;
import hotsm.compiler.types.Typed;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler's front door: load (parse, follow imports), type-check,
 * desugar to the IR; then, per machine, {@link Compilation#artifact} builds
 * the artifact, has the vm's verifier accept it and encodes it. Each phase
 * runs only if the ones before it reported no error. Used by {@code sm},
 * {@code smc}, the REPL (through {@code hotsm.cli.MachineFiles}) and the tests.
 */
public final class Compiler {
    /**
     * The largest {@code .sm} file a command line or the REPL reads
     * ({@code hotsm.cli.MachineFiles} checks the size before reading).
     */
    public static final int MAX_SOURCE_BYTES = 8 * 1024 * 1024;

    private final List<Path> includePaths;

    /** @param includePaths the {@code -I} folders searched for imported modules */
    public Compiler(List<Path> includePaths) { this.includePaths = List.copyOf(includePaths); }

    public Compilation compile(List<Path> files) { return compile(files, false); }

    /**
     * What {@link #compile} says about {@code files}, sooner when they do not use every standard
     * module: first compiled without the standard modules after the Prelude that they do not name
     * ({@link ModuleLoader#names}; when they import nothing). A module a program does not name cannot
     * change whether it type-checks, so a program clean there is clean; only if that finds anything
     * to report is it compiled again with all of them, so that the diagnostics are
     * {@link #compile}'s, word for word (a "did you mean" may name a module the program does not use).
     * {@code smc check} uses it: the standard modules were a fifth of its start (docs/performance.md).
     */
    public Compilation check(List<Path> files) {
        Compilation named = compile(files, true);
        if (named.diagnostics().isEmpty()) return named;
        Compilation all = compile(files, false);
        return files.size() > 1 && all.check() == null ? eachFile(files, all) : all;
    }

    /**
     * Several files that did not load together (a syntax error, a missing import) stop before type
     * checking, so each is also checked alone: a broken file does not hide the errors of another that
     * does not import it (issue 2: every independent error). A diagnostic two of them share is kept once.
     */
    private Compilation eachFile(List<Path> files, Compilation together) {
        Set<Diagnostic> diagnostics = new LinkedHashSet<>(together.diagnostics());
        Map<String, String> sources = new LinkedHashMap<>(together.sourcesByFile());
        Map<String, String> modules = new LinkedHashMap<>(together.modulesByFile());
        for (Path f : files) {
            Compilation alone = compile(List.of(f), false);
            diagnostics.addAll(alone.diagnostics());
            alone.sourcesByFile().forEach(sources::putIfAbsent);
            alone.modulesByFile().forEach(modules::putIfAbsent);
        }
        return new Compilation(sorted(new ArrayList<>(diagnostics), sources), sources, null, List.of(), Map.of(), modules);
    }

    private Compilation compile(List<Path> files, boolean onlyNamedStandardModules) {
        LoadResult loaded = new ModuleLoader(includePaths, onlyNamedStandardModules).load(files);
        Map<String, String> sources = loaded.sourcesByFile();
        Map<String, String> modules = new LinkedHashMap<>();
        for (Module m : loaded.modules()) modules.putIfAbsent(m.file(), m.name());
        if (!loaded.ok()) return new Compilation(sorted(loaded.diagnostics(), sources), sources, null, List.of(), Map.of(), modules);
        CheckResult check = TypeChecker.check(loaded.modules());
        if (!check.ok()) return new Compilation(sorted(check.diagnostics(), sources), sources, check, List.of(), Map.of(), modules);
        Desugarer desugarer = new Desugarer(check.program());
        Map<String, MachineIr> all = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (String name : check.program().machines().keySet()) {
            try {
                all.put(name, desugarer.machine(name));
            } catch (DesugarError e) {
                errors.add(Diagnostic.error(e.pos(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) return new Compilation(sorted(errors, sources), sources, check, List.of(), Map.of(), modules);
        return new Compilation(List.of(), sources, check, definedIn(files, loaded.modules(), check.program(), all), all,
                modules);
    }

    /** The machines of the modules read from {@code files}, by file as given, then by position. */
    private static List<MachineIr> definedIn(List<Path> files, List<Module> modules, Typed.Program program,
                                             Map<String, MachineIr> all) {
        Map<String, Integer> fileIndex = new HashMap<>();
        for (Path f : files) fileIndex.putIfAbsent(f.toString(), fileIndex.size());
        Map<String, Integer> moduleIndex = new HashMap<>();
        for (Module m : modules) {
            Integer i = fileIndex.get(m.file());
            if (i != null) moduleIndex.put(m.name(), i);
        }
        List<Typed.Machine> mine = new ArrayList<>();
        for (Typed.Machine m : program.machines().values()) if (moduleIndex.containsKey(m.module())) mine.add(m);
        // Sorted only if there is something to sort: see Parser.inOrder on Comparator.comparingInt at start-up.
        if (mine.size() > 1) {
            mine.sort(Comparator.<Typed.Machine>comparingInt(m -> moduleIndex.get(m.module()))
                    .thenComparingInt(m -> m.pos().line()).thenComparingInt(m -> m.pos().column()));
        }
        List<MachineIr> out = new ArrayList<>();
        for (Typed.Machine m : mine) out.add(all.get(m.qualifiedName()));
        return out;
    }

    private static List<Diagnostic> sorted(List<Diagnostic> ds, Map<String, String> sources) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (String f : sources.keySet()) fileOrder.putIfAbsent(f, fileOrder.size());
        List<Diagnostic> out = new ArrayList<>(ds);
        out.sort(Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.file(), Integer.MAX_VALUE))
                .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    /**
     * An expression typed in, for the REPL: its checked tree, its (closed)
     * type, its IR term {@code () -> T} and its value. {@code runtimeError}
     * is set (and {@code value} null) when evaluation failed, e.g. division
     * by zero; {@code diagnostics} when it did not parse or type-check.
     */
    public record Evaluation(List<Diagnostic> diagnostics, Typed.Expr expr, TypeDesc type, Term term,
                             Value value, String runtimeError) {
        public Evaluation { diagnostics = List.copyOf(diagnostics); }

        public boolean ok() { return diagnostics.isEmpty() && runtimeError == null; }
    }

    /**
     * Parses, checks (in the scope of module {@code moduleName} of a
     * successful {@code compilation}), desugars and evaluates {@code source}.
     *
     * @param file the name diagnostics use for the input ({@code <repl>})
     */
    public static Evaluation evaluate(Compilation compilation, String moduleName, String file, String source) {
        return evaluate(compilation, moduleName, file, source, IrInterpreter.Budget.UNLIMITED);
    }

    /** As {@link #evaluate(Compilation, String, String, String)}, the run bounded by {@code budget}. */
    public static Evaluation evaluate(Compilation compilation, String moduleName, String file, String source,
                                      IrInterpreter.Budget budget) {
        ExprParseResult parsed = Parser.parseExpression(file, source);
        if (!parsed.ok() || !parsed.diagnostics().isEmpty()) {
            return new Evaluation(parsed.diagnostics(), null, null, null, null, null);
        }
        ExprCheckResult checked = TypeChecker.checkExpression(compilation.check(), moduleName, parsed.expr());
        if (!checked.ok()) return new Evaluation(checked.diagnostics(), null, null, null, null, null);
        Typed.Program program = compilation.check().program();
        Term term = new Desugarer(program).expression(checked.expr());
        TypeDesc type = TypeDescs.of(checked.expr().type(), program.dataTypes());
        try {
            Value v = IrInterpreter.run(term, Value.UNIT, null, budget).value();
            return new Evaluation(List.of(), checked.expr(), type, term, v, null);
        } catch (IrRuntimeError e) {
            return new Evaluation(List.of(), checked.expr(), type, term, null, e.getMessage());
        }
    }
}
