package hotsm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -I DIR}, {@code --include DIR} of every command that compiles a {@code .sm} file. */
public final class IncludeOption {

    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "also look for imported modules in DIR, after the importing file's folder (repeatable)")
    List<Path> dirs = new ArrayList<>();

    /** The folders, in the order given. */
    public List<Path> get() { return List.copyOf(dirs); }
}
