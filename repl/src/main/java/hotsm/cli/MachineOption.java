package hotsm.cli;

import picocli.CommandLine.Option;

/**
 * {@code -m NAME}, {@code --machine NAME}: which machine of a file, picked by
 * {@link hotsm.compiler.MachineNames}' rule (the qualified name, or a bare
 * name that only one machine has). Without it a command takes the file's
 * only machine, or says how it chooses in its own description.
 */
public final class MachineOption {

    @Option(names = {"-m", "--machine"}, paramLabel = "NAME",
            description = "which machine of FILE: `counter` (if only one machine has that name) or "
                    + "`Counter1.counter`; default: the only one")
    String name;

    /** What the error for a file with several machines and no {@code --machine} tells the user. */
    public static final String HOW_TO_PICK = "pick one with --machine NAME";

    /** The name as typed, or null. */
    public String name() { return name; }
}
