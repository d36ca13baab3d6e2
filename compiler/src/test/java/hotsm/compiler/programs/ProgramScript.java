package hotsm.compiler.programs;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a test program of the corpus ({@code compiler/src/test/resources/programs}
 * and {@code .../errors}; the directives are in the programs folder's
 * README.md). A program with {@code -- error:} directives must fail to
 * compile as they say; its transcript is the diagnostics as {@code smc check}
 * prints them. Any other program is compiled and its directives played in
 * order on an {@link Engine}; its transcript lists every machine started,
 * step, upgrade and downgrade with the state after it. The transcript is
 * compared with the golden file {@code NAME.out} beside {@code NAME.sm}.
 */
public final class ProgramScript {

    private ProgramScript() {}

    private static Path root() { return Path.of(System.getProperty("hotsm.root", "..")); }

    /** The folder of programs that run. */
    public static Path folder() { return root().resolve("compiler/src/test/resources/programs"); }

    /** The folder of programs that fail to compile, and the helper modules they import. */
    public static Path errorFolder() { return root().resolve("compiler/src/test/resources/errors"); }

    /** Every {@code .sm} file of the programs folder that carries at least one directive, sorted. */
    public static List<Path> programs() throws IOException { return withDirectives(folder()); }

    /** Every program of both folders that carries at least one directive, sorted by folder then name. */
    public static List<Path> corpus() throws IOException {
        List<Path> all = new ArrayList<>(withDirectives(folder()));
        all.addAll(withDirectives(errorFolder()));
        return all;
    }

    private static List<Path> withDirectives(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                if (p.toString().endsWith(".sm") && !Directive.parse(Files.readString(p)).isEmpty()) out.add(p);
            }
            return out;
        }
    }

    /** The include path programs are compiled with: every folder of {@code samples/}, so a program may import a sample. */
    public static List<Path> includePaths() throws IOException {
        Path samples = root().resolve("samples");
        if (!Files.isDirectory(samples)) return List.of();
        try (Stream<Path> s = Files.walk(samples)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Whether {@code file} expects a compile error (else it runs). */
    public static boolean expectsCompileError(Path file) throws IOException {
        return Directive.parse(Files.readString(file)).stream().anyMatch(d -> d.key().equals("error"));
    }

    /** The golden transcript beside {@code file}. */
    public static Path golden(Path file) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.sm$", ".out"));
    }

    /** Compares {@code actual} with {@code file}'s golden transcript, first rewriting it under {@code -Dgolden.update=true} when {@code write}. */
    public static void compareWithGolden(Path file, String actual, boolean write, String engine) throws IOException {
        Path golden = golden(file);
        if (write && Boolean.getBoolean("golden.update")) Files.writeString(golden, actual);
        String expected = Files.exists(golden) ? Files.readString(golden) : "(no golden file " + golden + ")\n";
        if (!expected.equals(actual)) {
            throw new AssertionError(file.getFileName() + " on " + engine + " printed otherwise than " + golden.getFileName()
                    + " (rerun with -Dgolden.update=true and read the diff)\n--- expected\n" + expected + "--- actual\n" + actual);
        }
    }

    private static Compilation compile(Path file) throws IOException {
        return new Compiler(includePaths()).compile(List.of(file));
    }

    /**
     * Compiles {@code file}, which must fail with every {@code -- error: L:C fragment}
     * it carries (and nothing else under {@code -- no other error}); returns the
     * diagnostics as printed, file names relative to the corpus folder.
     */
    public static String checkErrors(Path file) throws IOException {
        List<Directive> ds = Directive.parse(Files.readString(file));
        for (Directive d : ds) {
            if (!d.key().equals("error") && !d.key().equals("no other error")) {
                throw new AssertionError(file.getFileName() + ":" + d.line() + ": a program that fails to compile cannot also "
                        + d.key() + " (only '-- error:' and '-- no other error')");
            }
        }
        Compilation c = compile(file);
        String all = c.diagnostics().stream().map(Diagnostic::header).collect(Collectors.joining("\n  "));
        int expected = 0;
        for (Directive d : ds) {
            if (!d.key().equals("error")) continue;
            expected++;
            Directive.ExpectedError e = d.expectedError();
            boolean found = c.diagnostics().stream().anyMatch(x -> x.line() == e.line() && x.column() == e.column()
                    && x.message().contains(e.fragment()) && x.file().equals(file.toString()));
            if (!found) {
                throw new AssertionError(file.getFileName() + ":" + d.line() + ": expected an error at " + e.line() + ":"
                        + e.column() + " containing '" + e.fragment() + "', got:\n  " + all);
            }
        }
        if (ds.stream().anyMatch(d -> d.key().equals("no other error")) && c.diagnostics().size() != expected) {
            throw new AssertionError(file.getFileName() + ": expected only the errors it names, got:\n  " + all);
        }
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : c.diagnostics()) out.append(DiagnosticPrinter.render(d, c.sourcesByFile().get(d.file()))).append('\n');
        return relative(out.toString(), file.getParent());
    }

    /** {@code text} with the corpus folder and the repository root taken out of file names, as written or absolute. */
    private static String relative(String text, Path folder) {
        String sep = java.io.File.separator;
        String out = text;
        for (Path f : List.of(folder, folder.toAbsolutePath().normalize())) {
            out = out.replace(f + sep, "").replace(f.toString(), ".");
        }
        for (Path r : List.of(root(), root().toAbsolutePath().normalize())) {
            out = out.replace(r + sep, "").replace(r.toString(), ".");
        }
        return out;
    }

    /** Compiles {@code file} and plays its directives on {@code engine}; returns the transcript. An AssertionError names the file and line that failed. */
    public static String run(Path file, Engine engine) throws IOException {
        Compilation c = compile(file);
        if (!c.ok()) throw new AssertionError(file + " does not compile: " + c.diagnostics());
        try (Player p = new Player(file, c, engine)) {
            p.play(Directive.parse(Files.readString(file)));
            return p.transcript.toString();
        }
    }

    private static final class Player implements AutoCloseable {
        private final Path file;
        private final Compilation compilation;
        private final Engine engine;
        private final StringBuilder transcript = new StringBuilder();
        private MachineIr machine;
        private Engine.Session session;
        private Value output;
        private String error;

        Player(Path file, Compilation compilation, Engine engine) {
            this.file = file;
            this.compilation = compilation;
            this.engine = engine;
            if (compilation.machines().size() == 1) start(compilation.machines().get(0));
        }

        private void start(MachineIr m) {
            close();
            machine = m;
            session = engine.start(m);
            output = null;
            error = null;
            transcript.append("machine ").append(m.name()).append(": state ").append(state()).append('\n');
        }

        private String state() { return ValuePrinter.print(machine.state(), session.state()); }

        private MachineIr find(Directive d) {
            Optional<MachineIr> m = compilation.machine(d.argument());
            if (m.isEmpty()) m = Optional.ofNullable(compilation.allMachines().get(d.argument()));
            return m.orElseThrow(() -> fail(d, "no machine named " + d.argument()));
        }

        private AssertionError fail(Directive d, String message) {
            return new AssertionError(file.getFileName() + ":" + d.line() + " on " + engine.name() + ": " + message);
        }

        private void check(Directive d, String expected, String actual) {
            if (!expected.equals(actual)) throw fail(d, "expected " + expected + " but got " + actual);
        }

        void play(List<Directive> ds) {
            for (Directive d : ds) {
                if (!d.key().equals("machine") && machine == null) throw fail(d, "say which machine first (-- machine: NAME)");
                switch (d.key()) {
                    case "machine" -> start(find(d));
                    case "initial" -> check(d, d.argument(), ValuePrinter.print(machine.state(), machine.initialState()));
                    case "input" -> step(d);
                    case "expect" -> {
                        if (error != null) throw fail(d, "the step failed: " + error);
                        if (output == null) throw fail(d, "no step ran before it");
                        check(d, d.argument(), ValuePrinter.print(machine.output(), output));
                    }
                    case "state" -> check(d, d.argument(), state());
                    case "runtime error" -> {
                        if (error == null) throw fail(d, "expected the step to fail with " + d.argument() + " but it gave "
                                + (output == null ? "nothing" : ValuePrinter.print(machine.output(), output)));
                        if (!error.contains(d.argument())) throw fail(d, "expected an error with " + d.argument() + " but got " + error);
                    }
                    case "upgrade" -> change(d, true);
                    case "downgrade" -> change(d, false);
                    default -> throw fail(d, "'-- " + d.key() + ":' does not belong in a program that runs"
                            + (d.key().equals("error") ? " (a failing step is '-- runtime error: TEXT')" : ""));
                }
            }
        }

        private void step(Directive d) {
            Value input = ValueParser.parse(machine.input(), d.argument());
            transcript.append(d.argument()).append(" -> ");
            try {
                output = session.step(input);
                error = null;
                transcript.append(ValuePrinter.print(machine.output(), output));
            } catch (RuntimeException e) {
                output = null;
                error = String.valueOf(e.getMessage());
                transcript.append("runtime error: ").append(error);
            }
            transcript.append("; state ").append(state()).append('\n');
        }

        private void change(Directive d, boolean up) {
            MachineIr target = find(d);
            if (up) session.upgrade(target);
            else session.downgrade(target);
            machine = target;
            output = null;
            error = null;
            transcript.append(d.key()).append(' ').append(target.name()).append(": state ").append(state()).append('\n');
        }

        @Override public void close() {
            if (session != null) session.close();
        }
    }
}
