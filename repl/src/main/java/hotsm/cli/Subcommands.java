package hotsm.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A tool's subcommands, added to its command line only when used. Picocli
 * builds a command's model by reflecting over every option of every
 * subcommand when the command line is made, and for a short command that
 * was most of its start ({@code sm send} of one input: three quarters of
 * the command's CPU time went to the models of {@code sm node}, the cluster
 * and REPL commands it did not run). A command line names one subcommand, so
 * only that one is built; when it names none, or one the tool does not have,
 * all are, so usage, help and picocli's suggestions read as before
 * (docs/performance.md).
 */
final class Subcommands {
    private Subcommands() {}

    /** Adds to {@code tool} the one of {@code commands} that {@code args} names, or all of them; returns {@code tool}. */
    static CommandLine add(CommandLine tool, List<Class<?>> commands, String[] args) {
        String word = firstWord(args);
        if (word != null) {
            for (Class<?> c : commands) {
                Command command = c.getAnnotation(Command.class);
                if (command != null && (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word))) {
                    tool.addSubcommand(c);
                    return tool;
                }
            }
        }
        return all(tool, commands);
    }

    /** Adds every one of {@code commands} to {@code tool}; returns {@code tool}. */
    static CommandLine all(CommandLine tool, List<Class<?>> commands) {
        for (Class<?> c : commands) tool.addSubcommand(c);
        return tool;
    }

    /** The first argument that is not an option (the tools' own options take no values); null if an {@code @file} or none. */
    private static String firstWord(String[] args) {
        for (String a : args) {
            if (a.startsWith("@") || a.equals("--")) return null;
            if (!a.startsWith("-")) return a;
        }
        return null;
    }
}
