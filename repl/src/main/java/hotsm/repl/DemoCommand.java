package hotsm.repl;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sm demo}: the seed's session, scripted through the REPL against a node started for it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a node running samples/counter/Counter1.sm on a free loopback port and drive",
                "the seed's session through the REPL (samples/counter/demo.repl): inputs, an upgrade to",
                "Counter2, a refused second upgrade, an upgrade to Counter3, a downgrade. Finds the samples",
                "under the hotsm.root system property (bin/sm sets it) or the working directory."})
public final class DemoCommand implements Callable<Integer> {
    @Override public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int status = Demo.run(Demo.root(), out);
        out.flush();
        return status;
    }
}
