package hotsm.cli;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run bin/smc and bin/sm make once after each build, under
 * {@code -XX:DumpLoadedClassList}, to record a class-data-sharing archive
 * (target/hotsm.jsa) of the classes the commands load: {@code smc check} of a
 * sample and of a program with errors, {@code smc compile} of the sample
 * (through picocli), and {@code sm send} (from arguments and
 * from standard input) and {@code sm info} against a node started here. With
 * the archive, a JVM maps those classes instead of loading and verifying
 * them (docs/performance.md).
 *
 * <p>Argument: the repository root.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path sample = root.resolve("samples/counter/Counter1.sm");
        Path out = Files.createTempDirectory("hotsm-cds");
        // The writers and the large-stack thread of the tools' main methods, so their classes and lambdas are archived.
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Smc.executeWithLargeStack(new String[] {"check", sample.toString()}, InputStream.nullInputStream(), sink, sink);
        Path broken = out.resolve("Broken.sm");
        Files.writeString(broken, "module Broken\n\nmachine m : Int -> Int\n  state Int = 0\n  proc k -> do\n"
                + "    returnA -< k + undefinedName\n");
        Smc.executeWithLargeStack(new String[] {"check", broken.toString()}, InputStream.nullInputStream(), sink, sink);
        Smc.execute(new String[] {"compile", "-o", out.toString(), sample.toString()}, InputStream.nullInputStream(), sink, sink);
        Path cam = out.resolve("Counter1.counter.cam");
        Artifact counter = hotsm.vm.bytecode.ArtifactCodec.decode(Files.readAllBytes(cam));
        try (Node node = Node.start(counter, NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            String address = server.hostPort();
            Sm.executeWithLargeStack(new String[] {"send", address, "Incr", "Count"}, sink, sink);
            Sm.execute(new String[] {"send", address, "-"},
                    new ByteArrayInputStream("Incr\nCount\n".getBytes(StandardCharsets.UTF_8)), sink, sink);
            Sm.execute(new String[] {"info", address}, InputStream.nullInputStream(), sink, sink);
        }
        Files.deleteIfExists(cam);
        Files.deleteIfExists(broken);
        Files.deleteIfExists(out);
    }
}
