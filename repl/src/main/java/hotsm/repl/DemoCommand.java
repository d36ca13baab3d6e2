package hotsm.repl;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import hotsm.cli.Sm;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sm demo}: the seed's session, scripted through the REPL against a node started for it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a node running samples/counter/Counter1.sm on a free loopback port and drive",
                "the seed's session through the REPL (samples/counter/demo.repl): inputs, an upgrade to",
                "Counter2, a refused second upgrade, an upgrade to Counter3, a downgrade. Finds the samples",
                "under the hotsm.root system property (bin/sm sets it) or the working directory."})
public final class DemoCommand implements Callable<Integer> {

    /** Where to print, when run as {@code sm demo}; null when run on its own. */
    @ParentCommand Sm sm;

    @Override public Integer call() {
        PrintWriter out = sm != null ? sm.out() : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int status = Demo.run(Demo.root(), out);
        out.flush();
        return status;
    }
}
