package hotsm.cli.smc;

import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.Smc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc check FILE... [-I DIR]...}: parse, resolve and type-check; print every error. */
@Command(name = "check", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Type-check .sm files and the modules they import.",
                "%nPrints every error as path:line:col: error: message, then the source line and a caret, "
                        + "and exits 1 if there is any; prints nothing and exits 0 otherwise.%n"})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .sm files to check.")
    private List<Path> files = new ArrayList<>();

    @Mixin IncludeOption includes;

    /** {@code check FILE...} without options, as picocli would fill it in ({@code hotsm.cli.PlainCommandLine}). */
    public static CheckCommand of(Smc smc, List<Path> files) {
        CheckCommand c = new CheckCommand();
        c.smc = smc;
        c.files = new ArrayList<>(files);
        c.includes = new IncludeOption();
        return c;
    }

    @Override public Integer call() {
        MachineFiles.check(files, includes.get());
        return Smc.OK;
    }
}
