package hotsm.cli;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run bin/smc and bin/sm make once after each build, under
 * {@code -XX:ArchiveClassesAtExit}, to record a class-data-sharing archive
 * (target/hotsm.jsa) of the classes the commands load: {@code smc check} and
 * {@code smc compile} of a sample, and {@code sm send} (from arguments and
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
        PrintWriter sink = new PrintWriter(new StringWriter());
        Smc.execute(new String[] {"check", sample.toString()}, InputStream.nullInputStream(), sink, sink);
        Smc.execute(new String[] {"compile", "-o", out.toString(), sample.toString()}, InputStream.nullInputStream(), sink, sink);
        Path cam = out.resolve("Counter1.counter.cam");
        Artifact counter = hotsm.vm.bytecode.ArtifactCodec.decode(Files.readAllBytes(cam));
        try (Node node = Node.start(counter, NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            String address = server.hostPort();
            Sm.execute(new String[] {"send", address, "Incr", "Count"}, InputStream.nullInputStream(), sink, sink);
            Sm.execute(new String[] {"send", address, "-"},
                    new ByteArrayInputStream("Incr\nCount\n".getBytes(StandardCharsets.UTF_8)), sink, sink);
            Sm.execute(new String[] {"info", address}, InputStream.nullInputStream(), sink, sink);
        }
        Files.deleteIfExists(cam);
        Files.deleteIfExists(out);
    }
}
