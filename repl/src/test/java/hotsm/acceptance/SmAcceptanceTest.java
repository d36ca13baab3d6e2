package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.Sm;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.net.InetAddress;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm} as the issues describe it, run in-process. */
class SmAcceptanceTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run sm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Sm.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aSourceFileThatCannotBeReadIsOneErrorLineWithoutAnEmptySourceLineAndCaret() throws Exception {
        Path garbage = Files.write(dir.resolve("Garbage.sm"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 7});
        Run r = sm("node", garbage.toString(), "--port", "0");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith(garbage + ":1:1: error: cannot read "), r::err);
        assertEquals(1, r.err().strip().lines().count(), r::err);
        assertFalse(r.out().contains("listening"), r::out);
    }

    private static Path root() {
        return Path.of(System.getProperty("hotsm.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void smCompilesWhatSmcCompilesEvenDeeplyNestedPrograms() throws Exception {
        String deep = "(1 + ".repeat(3000) + "1" + ")".repeat(3000);
        Path file = Files.writeString(dir.resolve("Deep.sm"),
                "x = " + deep + "\nmachine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< x + i\n");
        var counter1 = new Compiler(List.of()).compile(List.of(root().resolve("samples/counter/Counter1.sm")))
                .machines().get(0);
        try (Node node = Node.start(ArtifactBuilder.build(counter1), NodeOptions.defaults());
                NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            int[] status = new int[1];
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // As bin/sm runs it: on a small thread stack, like a default main thread's.
            Thread t = new Thread(null, () -> status[0] = Sm.executeWithLargeStack(
                    new String[] {"upgrade", server.hostPort(), file.toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true)), "small", 256 << 10);
            t.start();
            t.join();
            assertFalse(err.toString().contains("nested too deeply"), err::toString);
            assertEquals(1, status[0], err::toString);
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.",
                    out.toString().strip().lines().findFirst().orElse(""));
        }
    }

    @Test
    void aSourceFileWithAnotherExtensionIsCompiledNotDecoded() throws Exception {
        Path counters = root().resolve("samples/counter");
        Files.copy(counters.resolve("Counter1.sm"), dir.resolve("Counter1.sm"));
        Path source = Files.copy(counters.resolve("Counter2.sm"), dir.resolve("Counter2.txt"));
        var counter1 = new Compiler(List.of()).compile(List.of(counters.resolve("Counter1.sm"))).machines().get(0);
        try (Node node = Node.start(ArtifactBuilder.build(counter1), NodeOptions.defaults());
                NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            Run r = sm("upgrade", server.hostPort(), source.toString());
            assertEquals(0, r.status(), r::toString);
            assertEquals("Upgrade successful!", r.out().lines().findFirst().orElse(""));
        }
    }

    @Test
    void anArtifactOfAnotherMachineThanMachineNamesIsRefusedAsSmcRunRefusesIt() throws Exception {
        Path counters = root().resolve("samples/counter");
        var compiled = new Compiler(List.of()).compile(List.of(counters.resolve("Counter2.sm")));
        Path cam = Files.write(dir.resolve("Counter2.counter.cam"),
                hotsm.vm.bytecode.ArtifactCodec.encode(ArtifactBuilder.build(compiled.machines().get(0))));
        var counter1 = compiled.allMachines().get("Counter1.counter");
        try (Node node = Node.start(ArtifactBuilder.build(counter1), NodeOptions.defaults());
                NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            Run wrong = sm("upgrade", server.hostPort(), cam.toString(), "--machine", "vending");
            assertEquals(1, wrong.status(), wrong::toString);
            assertEquals("sm: " + cam + " has no machine 'vending' (it defines Counter2.counter)", wrong.err().strip());
            Run right = sm("upgrade", server.hostPort(), cam.toString(), "--machine", "counter");
            assertEquals(0, right.status(), right::toString);
        }
    }
}
