package hotsm.cli.sm;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;

/**
 * Reads {@code --fsync always}, {@code --fsync never} and {@code --fsync batch MS}:
 * one word, or two after {@code batch}, so a FILE after {@code --fsync never} stays the FILE.
 */
final class FsyncOption implements CommandLine.IParameterConsumer {
    @Override public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                                            CommandLine.Model.CommandSpec commandSpec) {
        if (args.isEmpty()) throw new CommandLine.ParameterException(commandSpec.commandLine(),
                "--fsync needs `always`, `batch MS` or `never`");
        List<String> words = new ArrayList<>();
        words.add(args.pop());
        if (words.get(0).equals("batch") && !args.isEmpty()) words.add(args.pop());
        argSpec.setValue(words);
    }
}
