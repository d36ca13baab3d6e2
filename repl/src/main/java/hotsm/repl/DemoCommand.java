package hotsm.repl;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import hotsm.cli.Sm;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sm demo}: the seed's session, scripted through the REPL against a node started for it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The seed's session without typing: a node hot-upgraded from a scripted REPL.", "",
                "Starts a node running samples/counter/Counter1.sm in this process on a free loopback port and "
                        + "feeds samples/counter/demo.repl through a REPL attached to it: inputs, an upgrade to "
                        + "Counter2, the refused second upgrade, a downgrade, Counter3. Lines marked [node] are "
                        + "the node's trace. Finds the samples under the hotsm.root system property (bin/sm sets "
                        + "it) or the working directory. Exit status 0 when every line went through."})
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
