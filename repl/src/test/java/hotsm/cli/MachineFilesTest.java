package hotsm.cli;

import static hotsm.vm.node.CounterArtifacts.counter1;
import static hotsm.vm.node.CounterArtifacts.counter2IllTyped;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.Compiler;
import hotsm.vm.bytecode.ArtifactCodec;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one opener of "a .sm source or a .cam artifact": each failure has one
 * wording, naming the file, and {@code sm} and {@code smc} print it the same
 * way after their own prefix ({@code sm: }, {@code error: }).
 */
class MachineFilesTest {
    @TempDir Path dir;

    private static Path root() { return Path.of(System.getProperty("hotsm.root", "..")).toAbsolutePath().normalize(); }

    private static String message(Runnable r) {
        return assertThrows(CliError.class, r::run).getMessage();
    }

    /** {@code smc args} and {@code sm args}: exit status and standard error. */
    private record Run(int status, String err) {}

    private static Run smc(String... args) {
        StringWriter err = new StringWriter();
        int status = Smc.execute(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        return new Run(status, err.toString());
    }

    private static Run sm(String... args) {
        StringWriter err = new StringWriter();
        int status = Sm.execute(args, java.io.InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        return new Run(status, err.toString());
    }

    /** The same message from {@code smc run FILE [-m NAME]} and {@code sm node FILE [--machine NAME]}, exit 1. */
    private static void bothSay(String message, Path file, String... machine) {
        List<String> m = machine.length == 0 ? List.of() : List.of("-m", machine[0]);
        List<String> run = new java.util.ArrayList<>(List.of("run", file.toString(), "-i", "Incr"));
        run.addAll(m);
        Run c = smc(run.toArray(String[]::new));
        assertEquals(new Run(1, "error: " + message + "\n"), c);
        List<String> node = new java.util.ArrayList<>(List.of("node", file.toString(), "--port", "0", "--no-trace"));
        node.addAll(m);
        Run s = sm(node.toArray(String[]::new));
        assertEquals(new Run(1, "sm: " + message + "\n"), s);
    }

    @Test void aMissingFile() {
        Path f = dir.resolve("Nowhere.sm");
        assertEquals("cannot read " + f + ": no such file", message(() -> MachineFiles.open(f, List.of())));
        bothSay("cannot read " + f + ": no such file", f);
        bothSay("cannot read " + dir.resolve("n.cam") + ": no such file", dir.resolve("n.cam"));
    }

    @Test void aFolder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("Folder.sm"));
        bothSay("cannot read " + d + ": not a file", d);
        Path c = Files.createDirectory(dir.resolve("folder.cam"));
        bothSay("cannot read " + c + ": not a file", c);
    }

    @Test void aSourceOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("Big.sm");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[Compiler.MAX_SOURCE_BYTES + 1]);
        }
        bothSay("cannot read " + big + ": larger than the limit of " + Compiler.MAX_SOURCE_BYTES + " bytes for a .sm file",
                big);
    }

    @Test void anArtifactOverTheLimit() throws Exception {
        Path big = dir.resolve("big.cam");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[ArtifactCodec.MAX_FILE_BYTES + 1]);
        }
        bothSay("cannot read " + big + ": larger than the limit of " + ArtifactCodec.MAX_FILE_BYTES
                + " bytes for a .cam file", big);
    }

    @Test void notAnArtifact() throws Exception {
        Path junk = Files.write(dir.resolve("junk.cam"), new byte[] {1, 2, 3});
        bothSay(junk + " is not a valid artifact: offset 0 (header): bad magic: not a hotsm artifact (expected HSMC)",
                junk);
    }

    @Test void anArtifactTheVerifierRefuses() throws Exception {
        Path ill = Files.write(dir.resolve("ill.cam"), ArtifactCodec.encode(counter2IllTyped()));
        String m = message(() -> MachineFiles.readArtifact(ill));
        assertTrue(m.startsWith(ill + " does not verify: "), m);
        bothSay(m, ill);
    }

    @Test void aMachineNotInTheFile() throws Exception {
        Path cam = Files.write(dir.resolve("c1.cam"), ArtifactCodec.encode(counter1()));
        bothSay(cam + " has no machine 'countr'; did you mean 'Counter1.counter'? (it defines Counter1.counter)", cam,
                "countr");
        Path source = root().resolve("samples/counter/Counter1.sm");
        bothSay(source + " has no machine 'vending' (it defines Counter1.counter)", source, "vending");
    }

    @Test void severalMachinesAndNoneNamed() {
        Path twins = root().resolve("repl/src/test/resources/cli/Twins.sm");
        bothSay(twins + " defines several machines (Twins.up, Twins.down); pick one with --machine NAME", twins);
    }

    /** As {@code sm upgrade} and {@code :upgrade} pick, by the machines that upgrade the one a node runs. */
    @Test void severalMachinesChosenByWhichUpgradeTheRunningOne() {
        Path twins = root().resolve("repl/src/test/resources/cli/Twins.sm");
        MachineFiles.Opened opened = MachineFiles.open(twins, List.of());
        String how = "pick one with --machine NAME";
        assertEquals("Twins.down", opened.pick(null, a -> a.name().endsWith("down"), how).artifact().name());
        assertEquals(twins + " defines several machines (Twins.up, Twins.down); none upgrades the running one: " + how,
                message(() -> opened.pick(null, a -> false, how)));
        // Both would do: sending the first would be a guess, so it is refused and the user names one.
        assertEquals(twins + " has several machines that upgrade the running one (Twins.up, Twins.down); " + how,
                message(() -> opened.pick(null, a -> true, how)));
        assertEquals("Twins.up", opened.pick("up", a -> true, how).artifact().name());
    }

    @Test void compilerDiagnosticsArePrintedAsTheyAreOnce() {
        Path broken = root().resolve("repl/src/test/resources/cli/Broken.sm");
        String rendered = message(() -> MachineFiles.open(broken, List.of()));
        assertTrue(rendered.startsWith(broken + ":"), rendered);
        assertTrue(rendered.contains(": error: "), rendered);
        assertEquals(new Run(1, rendered + "\n"), smc("check", broken.toString()));
        assertEquals(new Run(1, rendered + "\n"), smc("run", broken.toString(), "-i", "1"));
    }

    @Test void aSourceAndItsArtifactGiveTheSameMachineAndBytes() throws Exception {
        Path source = root().resolve("samples/counter/Counter1.sm");
        MachineFiles.Loaded compiled = MachineFiles.load(source, "counter", List.of(), null, MachineOption.HOW_TO_PICK);
        Path cam = Files.write(dir.resolve("Counter1.counter.cam"), compiled.bytes());
        MachineFiles.Loaded read = MachineFiles.load(cam, "Counter1.counter", List.of(), null, MachineOption.HOW_TO_PICK);
        assertEquals(compiled.artifact(), read.artifact());
        assertArrayEquals(compiled.bytes(), read.bytes());
        assertEquals(List.of("Counter1.counter"), MachineFiles.open(cam, List.of()).machineNames());
    }
}
