package hotsm.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import hotsm.cli.Sm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm repl [FILE.sm] [--connect HOST:PORT] [--echo]}. */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"An interactive session: load a machine and step it, evaluate expressions,",
                "or attach to a node and send it inputs, upgrades and downgrades.",
                "Reads plain lines (no prompt) when standard input is not a terminal."})
public final class ReplCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.sm", description = "a file to :load first")
    Path file;

    @Option(names = "--connect", paramLabel = "HOST:PORT", description = "attach to a node first")
    String connect;

    /** Where a piped session prints, when run as {@code sm repl}; null when run on its own. */
    @ParentCommand Sm sm;

    @Option(names = "--echo", description = "print each line read after its prompt, like a transcript")
    boolean echo;

    @Override public Integer call() {
        List<String> setup = new ArrayList<>();
        if (file != null) setup.add(":load " + file);
        if (connect != null) setup.add(":connect " + connect);
        try {
            return Repl.run(Path.of("").toAbsolutePath(), setup, echo, sm != null ? sm.out() : null);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("sm repl: " + ReplSession.oneLine(e));
            System.err.flush();
            return 3;
        }
    }
}
