package hotsm.compiler.programs;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a test program of {@code compiler/src/test/resources/programs} (the
 * format is in that folder's README.md): compiles it, then follows its
 * {@code -- key: value} directives in order on an {@link Engine}. Shared by
 * the reference interpreter's suite and the CAM's, which must agree.
 */
public final class ProgramScript {
    /** Runs terms: the reference interpreter or the CAM. */
    public interface Engine {
        /** One step of {@code machine}: throws a RuntimeException whose message says why when it fails. */
        Result step(MachineIr machine, Value input, Value state);

        /** A pure term (a migration or adapter) on {@code argument}. */
        Value run(Term term, Value argument);
    }

    public record Result(Value output, Value state) {}

    /** One {@code -- key: argument} line. */
    public record Directive(int line, String key, String argument) {}

    private static final Pattern DIRECTIVE =
            Pattern.compile("^\\s*--\\s*(machine|initial|input|expect|state|error|upgrade|downgrade):\\s?(.*)$");

    private ProgramScript() {}

    /** The folder of test programs. */
    public static Path folder() {
        return Path.of(System.getProperty("hotsm.root", "..")).resolve("compiler/src/test/resources/programs");
    }

    /** Every {@code .sm} file of the folder that carries at least one directive, sorted. */
    public static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                if (p.toString().endsWith(".sm") && !directives(Files.readString(p)).isEmpty()) out.add(p);
            }
            return out;
        }
    }

    /** The include path programs are compiled with: every folder of {@code samples/}, so a program may import a sample. */
    public static List<Path> includePaths() throws IOException {
        Path samples = Path.of(System.getProperty("hotsm.root", "..")).resolve("samples");
        if (!Files.isDirectory(samples)) return List.of();
        try (Stream<Path> s = Files.walk(samples)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    public static List<Directive> directives(String source) {
        List<Directive> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (m.matches()) out.add(new Directive(i + 1, m.group(1), m.group(2).trim()));
        }
        return out;
    }

    /** Compiles {@code file} and plays its directives; an AssertionError names the file and line that failed. */
    public static void run(Path file, Engine engine) throws IOException {
        Compilation c = new Compiler(includePaths()).compile(List.of(file));
        if (!c.ok()) throw new AssertionError(file + " does not compile: " + c.diagnostics());
        new Player(file, c, engine).play(directives(Files.readString(file)));
    }

    private static final class Player {
        private final Path file;
        private final Compilation compilation;
        private final Engine engine;
        private MachineIr machine;
        private Value state;
        private Value output;
        private String error;

        Player(Path file, Compilation compilation, Engine engine) {
            this.file = file;
            this.compilation = compilation;
            this.engine = engine;
            if (compilation.machines().size() == 1) start(compilation.machines().get(0));
        }

        private void start(MachineIr m) {
            machine = m;
            state = m.initialState();
        }

        private MachineIr find(Directive d) {
            Optional<MachineIr> m = compilation.machine(d.argument());
            if (m.isEmpty()) m = Optional.ofNullable(compilation.allMachines().get(d.argument()));
            return m.orElseThrow(() -> fail(d, "no machine named " + d.argument()));
        }

        private AssertionError fail(Directive d, String message) {
            return new AssertionError(file.getFileName() + ":" + d.line() + ": " + message);
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
                        check(d, d.argument(), ValuePrinter.print(machine.output(), output));
                    }
                    case "state" -> check(d, d.argument(), ValuePrinter.print(machine.state(), state));
                    case "error" -> {
                        if (error == null) throw fail(d, "expected the step to fail with " + d.argument() + " but it gave "
                                + ValuePrinter.print(machine.output(), output));
                        if (!error.contains(d.argument())) throw fail(d, "expected an error with " + d.argument() + " but got " + error);
                    }
                    case "upgrade" -> upgrade(d);
                    case "downgrade" -> downgrade(d);
                    default -> throw fail(d, "unknown directive " + d.key());
                }
            }
        }

        private void step(Directive d) {
            Value input = ValueParser.parse(machine.input(), d.argument());
            try {
                Result r = engine.step(machine, input, state);
                output = r.output();
                state = r.state();
                error = null;
            } catch (RuntimeException e) {
                output = null;
                error = String.valueOf(e.getMessage());
            }
        }

        private void upgrade(Directive d) {
            MachineIr target = find(d);
            for (MachineIr.UpgradeIr u : target.upgrades()) {
                if (u.from().name().equals(machine.name())) {
                    state = engine.run(u.migration(), state);
                    machine = target;
                    return;
                }
            }
            throw fail(d, target.name() + " has no upgrade from " + machine.name());
        }

        private void downgrade(Directive d) {
            MachineIr target = find(d);
            for (MachineIr.DowngradeIr down : machine.downgrades()) {
                if (down.to().name().equals(target.name())) {
                    state = engine.run(down.migration(), state);
                    machine = target;
                    return;
                }
            }
            throw fail(d, machine.name() + " has no downgrade to " + target.name());
        }
    }
}
