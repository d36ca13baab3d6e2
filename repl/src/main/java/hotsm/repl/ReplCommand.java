package hotsm.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import hotsm.cli.Sm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm repl [FILE.sm] [--connect HOST:PORT] [--echo]}. */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive session: step a machine, evaluate expressions, drive a node.", "",
                "With FILE.sm, loads it and runs its machine in this process; with --connect, attaches to a "
                        + "node. Typed values step the machine (local: the output, then `New state: ...`; node: "
                        + "the node's answer), other lines are expressions (`1 + 2` prints `3 : Int`), and "
                        + ":commands load, upgrade, downgrade and inspect (`:help` lists them; docs/repl.md). "
                        + "Definitions as in ghci (let x = 5, f x = ..., :{ ... :}), `it`, :info, :step EXPR. "
                        + "On a terminal: line editing, history in $HOME/.sm_history, tab completion, Ctrl-C cancels "
                        + "the line or stops an evaluation (Interrupted.), Ctrl-D or :quit leaves. From a pipe: plain lines, no prompt; exit status 1 "
                        + "if any line ended in an error."})
public final class ReplCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.sm", description = "a file to :load first")
    Path file;

    @Option(names = "--connect", paramLabel = "HOST:PORT", description = "attach to a node first")
    String connect;

    @Mixin hotsm.cli.sm.ClientTimeoutOption timeout;   // with --connect

    /** Where a piped session prints, when run as {@code sm repl}; null when run on its own. */
    @ParentCommand Sm sm;

    @Option(names = "--echo", description = "print each line read after its prompt, like a transcript")
    boolean echo;

    @Mixin hotsm.cli.sm.ClientSecurityOptions security;

    @Mixin hotsm.cli.IncludeOption includes;   // for :load, :reload and :upgrade of a .sm file

    @Override public Integer call() {
        List<String> setup = new ArrayList<>();
        if (file != null) setup.add(":load " + file);
        Double seconds = timeout.seconds();   // a bad value: one line, exit 2
        if (connect != null) setup.add(":connect " + connect + (seconds != null ? " --timeout " + seconds : ""));
        hotsm.vm.protocol.ConnectionSecurity connection = security.security();   // a bad file: one line, exit 1
        try {
            return Repl.run(Path.of("").toAbsolutePath(), setup, echo, sm != null ? sm.out() : null, connection,
                    includes.get());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("sm repl: " + ReplSession.oneLine(e));
            System.err.flush();
            return 3;
        }
    }
}
