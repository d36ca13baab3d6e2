package hotsm.cli;

import hotsm.compiler.Compilation;
import hotsm.compiler.CompiledArtifact;
import hotsm.compiler.Compiler;
import hotsm.compiler.MachineNames;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one way {@code sm}, {@code smc} and the REPL open "a {@code .sm} source
 * or a {@code .cam} artifact" and pick a machine in it. A file is an artifact
 * by its extension ({@code .cam}, {@code .sm}), else by its first bytes
 * ({@link ArtifactCodec#isArtifactFile}). Its size is checked before it is
 * read ({@link Compiler#MAX_SOURCE_BYTES}, {@link ArtifactCodec#MAX_FILE_BYTES});
 * an artifact is decoded and verified; a source is compiled by the compiler's
 * front door and the machine picked is built, verified and encoded there
 * ({@link Compilation#artifact}). Machines are picked by {@link MachineNames}'
 * rule.
 *
 * <p>Every failure is a {@link CliError} worded here once, naming the file as
 * given: {@code cannot read F: no such file}, {@code cannot read F: not a file},
 * {@code cannot read F: larger than the limit of N bytes for a .cam file},
 * {@code F is not a valid artifact: ...}, {@code F does not verify: ...},
 * {@link MachineNames}' missing and ambiguous machine, {@code F defines no
 * machine}, {@code F defines several machines (...); ...}; compiler
 * diagnostics come as one {@link CliError#printed} text, each with its source
 * line and caret.
 */
public final class MachineFiles {
    private MachineFiles() {}

    /**
     * A machine ready to run or send: its verified artifact, from {@code file}.
     *
     * @param encoding the artifact's {@code .cam} bytes: a file's as read, a
     *                 compiled machine's encoded on request (a user error if over a limit of the format)
     */
    public record Loaded(Path file, Artifact artifact, java.util.function.Supplier<byte[]> encoding) {
        /** What a {@code .cam} file of this machine holds. */
        public byte[] bytes() { return encoding.get(); }
    }

    /** A file opened: a compiled source or a read artifact, with the machines it offers. */
    public sealed interface Opened permits Source, Cam {
        Path file();

        /** Qualified names of its machines, in source order. */
        List<String> machineNames();

        /**
         * The machine {@code machine} names, or with none the only one, else
         * the one that {@code preferred} accepts: an error says so if none or
         * several do.
         *
         * @param machine   as typed, or null
         * @param preferred how to choose among several when none is named (null: none preferred)
         * @param howToPick what the error for several machines tells the user to do
         */
        Loaded pick(String machine, Predicate<Artifact> preferred, String howToPick);
    }

    /** A {@code .sm} file, compiled without errors. */
    public record Source(Path file, Compilation compilation) implements Opened {
        @Override public List<String> machineNames() { return compilation.machineNames(); }

        @Override public Loaded pick(String machine, Predicate<Artifact> preferred, String howToPick) {
            if (machine != null) return load(pickIr(machine));
            List<MachineIr> machines = compilation.machines();
            if (machines.isEmpty()) throw CliError.user(MachineNames.noMachine(file.toString()));
            if (machines.size() == 1) return load(machines.get(0));
            if (preferred == null) throw CliError.user(MachineNames.several(machineNames(), file.toString(), howToPick));
            List<Loaded> fitting = new ArrayList<>();
            for (MachineIr m : machines) {
                Loaded l = load(m);
                if (preferred.test(l.artifact())) fitting.add(l);
            }
            if (fitting.size() == 1) return fitting.get(0);
            if (fitting.isEmpty()) {
                throw CliError.user(MachineNames.several(machineNames(), file.toString(),
                        "none upgrades the running one: " + howToPick));
            }
            // Sending the first would be a guess between two different upgrades of the running machine.
            List<String> names = new ArrayList<>();
            for (Loaded l : fitting) names.add(l.artifact().name());
            throw CliError.user(file + " has several machines that upgrade the running one (" + String.join(", ", names)
                    + "); " + howToPick);
        }

        /** The IR of the machine {@code machine} names (an imported one too, by qualified name). */
        public MachineIr pickIr(String machine) {
            try {
                return compilation.resolveMachine(machine, file.toString());
            } catch (MachineNames.NotFound e) {
                throw CliError.user(e.getMessage());
            }
        }

        private Loaded load(MachineIr m) {
            CompiledArtifact a = artifact(compilation, m);
            return new Loaded(file, a.artifact(), () -> encoded(a));
        }
    }

    /** A {@code .cam} file, decoded and verified. */
    public record Cam(Path file, Artifact artifact, byte[] bytes) implements Opened {
        @Override public List<String> machineNames() { return List.of(artifact.name()); }

        @Override public Loaded pick(String machine, Predicate<Artifact> preferred, String howToPick) {
            if (machine != null) {
                try {
                    MachineNames.resolve(machine, machineNames(), file.toString());
                } catch (MachineNames.NotFound e) {
                    throw CliError.user(e.getMessage());
                }
            }
            return new Loaded(file, artifact, () -> bytes);
        }
    }

    /** Whether {@code file} is read as an artifact rather than compiled. */
    public static boolean isArtifact(Path file) { return ArtifactCodec.isArtifactFile(file); }

    /** Opens {@code file}: reads and verifies an artifact, or compiles a source ({@code includes}: its {@code -I}). */
    public static Opened open(Path file, List<Path> includes) {
        return isArtifact(file) ? readArtifact(file) : new Source(file, compile(List.of(file), includes));
    }

    /** {@link #open} then {@link Opened#pick}. */
    public static Loaded load(Path file, String machine, List<Path> includes, Predicate<Artifact> preferred,
                              String howToPick) {
        return open(file, includes).pick(machine, preferred, howToPick);
    }

    /**
     * A {@code .cam} file's bytes, size checked, neither decoded nor verified:
     * for {@code sm upgrade}, which sends them as they are so that the node
     * judges them and says why it refuses (docs/protocol.md).
     */
    public static byte[] readArtifactBytes(Path file) {
        return readBytes(file, ArtifactCodec.MAX_FILE_BYTES, ".cam");
    }

    /** A {@code .cam} file: size checked before reading, decoded, verified. */
    public static Cam readArtifact(Path file) {
        byte[] bytes;
        try {
            checkSize(file, ArtifactCodec.MAX_FILE_BYTES, ".cam");
            bytes = ArtifactCodec.readFile(file);   // reads at most one byte past the limit (a device has no size)
        } catch (ArtifactFormatException e) {
            throw tooLarge(file, ArtifactCodec.MAX_FILE_BYTES, ".cam");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        Artifact artifact;
        try {
            artifact = ArtifactCodec.decode(bytes);
        } catch (RuntimeException e) {   // the codec says everything with ArtifactFormatException; a corrupt file is still the user's
            throw CliError.user(file + " is not a valid artifact: " + oneLine(e.getMessage()));
        }
        try {
            Verifier.verify(artifact);
        } catch (RuntimeException e) {
            throw CliError.user(file + " does not verify: " + oneLine(e.getMessage()));
        }
        return new Cam(file, artifact, bytes);
    }

    /**
     * The bytes of a small binary file (a release signature), with the same
     * checks and wording as an artifact's: its size checked before reading, at
     * most {@code limit + 1} bytes read from a device.
     *
     * @param kind its extension, for the error ({@code .sig})
     */
    public static byte[] readBytes(Path file, int limit, String kind) {
        try (java.io.InputStream in = Files.newInputStream(checkSize(file, limit, kind))) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) throw tooLarge(file, limit, kind);
            return bytes;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Compiles {@code .sm} files (each read once, however often named; each
     * checked to exist and to be within the size limit first).
     *
     * @throws CliError {@link CliError#printed} with every diagnostic when there is an error
     */
    public static Compilation compile(List<Path> files, List<Path> includes) {
        return compile(files, includes, false);
    }

    /** {@link #compile} for {@code smc check}: the same errors, sooner for a program that does not use every standard module ({@link Compiler#check}). */
    public static Compilation check(List<Path> files, List<Path> includes) {
        return compile(files, includes, true);
    }

    private static Compilation compile(List<Path> files, List<Path> includes, boolean check) {
        List<Path> distinct = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!Files.exists(f)) throw unreadable(f, new NoSuchFileException(f.toString()));
            if (!Files.isRegularFile(f)) throw CliError.user("cannot read " + f + ": not a file");
            try {
                checkSize(f, Compiler.MAX_SOURCE_BYTES, ".sm");
            } catch (IOException e) {
                throw unreadable(f, e);
            }
            if (seen.add(f.toAbsolutePath().normalize())) distinct.add(f);
        }
        Compilation c = check ? new Compiler(includes).check(distinct) : new Compiler(includes).compile(distinct);
        boolean failed = false;
        List<String> rendered = new ArrayList<>();
        for (Diagnostic d : c.diagnostics()) {
            rendered.add(DiagnosticPrinter.render(d, c.sourcesByFile().get(d.file())).stripTrailing());
            failed |= d.severity() == Diagnostic.Severity.ERROR;
        }
        if (failed) throw CliError.printed(String.join("\n", rendered));
        return c;
    }

    /** {@link CompiledArtifact#bytes}; a machine over a limit of the format is the user's error. */
    public static byte[] encoded(CompiledArtifact a) {
        try {
            return a.bytes();
        } catch (CompiledArtifact.OverLimit e) {
            throw CliError.user(e.getMessage());
        }
    }

    /** The front door's artifact of {@code m}; a machine over a limit of the vm is the user's error. */
    public static CompiledArtifact artifact(Compilation c, MachineIr m) {
        try {
            return c.artifact(m);
        } catch (CompiledArtifact.OverLimit e) {
            throw CliError.user(e.getMessage());
        }
    }

    private static Path checkSize(Path file, long limit, String kind) throws IOException {
        if (Files.isDirectory(file)) throw CliError.user("cannot read " + file + ": not a file");
        if (Files.isRegularFile(file) && Files.size(file) > limit) throw tooLarge(file, limit, kind);
        return file;
    }

    private static CliError tooLarge(Path file, long limit, String kind) {
        return CliError.user("cannot read " + file + ": larger than the limit of " + limit + " bytes for a " + kind
                + " file");
    }

    /** {@code cannot read F: no such file}: also the REPL's, when a name it looks up is no file. */
    public static String noSuchFile(Object file) {
        return "cannot read " + file + ": no such file";
    }

    private static CliError unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) return CliError.user(noSuchFile(file));
        String why = e instanceof AccessDeniedException ? "permission denied"
                : oneLine(e.getMessage());
        return CliError.user("cannot read " + file + ": " + why);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ');
    }
}
