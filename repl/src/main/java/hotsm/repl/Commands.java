package hotsm.repl;

import hotsm.repl.Command.Completion;
import java.util.List;
import java.util.Optional;

/** The table of {@code :commands}, in the order {@code :help} lists them. */
final class Commands {
    private Commands() {}

    static final List<Command> ALL = List.of(
            new Command("help", "[COMMAND]", "list the commands, or explain one", Completion.COMMAND, ReplSession::help),
            new Command("load", "FILE", "compile and type-check FILE.sm and start its machine here", Completion.FILE, ReplSession::load),
            new Command("reload", "", "load the last file again (state starts afresh)", Completion.NONE, (s, a) -> s.reload()),
            new Command("machine", "[NAME]", "list the loaded file's machines, or run NAME", Completion.MACHINE, ReplSession::machine),
            new Command("type", "EXPR", "the type of an expression, function, constructor or machine (:type fst)", Completion.INPUT, ReplSession::type),
            new Command("info", "[NAME]", "what NAME is (type, constructor, function, machine); alone: the running machine", Completion.INPUT, ReplSession::info),
            new Command("ir", "[NAME]", "show a machine's free Cartesian category IR", Completion.MACHINE, ReplSession::ir),
            new Command("bytecode", "[NAME]", "show a machine's CAM artifact listing", Completion.MACHINE, ReplSession::bytecode),
            new Command("state", "", "show the current state (local machine or node)", Completion.NONE, (s, a) -> s.state()),
            new Command("step", "EXPR", "evaluate EXPR and feed its value to the machine", Completion.INPUT, ReplSession::step),
            new Command("reset", "", "restart the loaded machine from its initial state (undoes upgrades)", Completion.NONE, (s, a) -> s.reset()),
            new Command("connect", "HOST:PORT", "attach to a node: typed values go to it", Completion.NONE, ReplSession::connect),
            new Command("disconnect", "", "detach from the node (back to the local machine, if any)", Completion.NONE, (s, a) -> s.disconnect()),
            new Command("upgrade", "FILE [MACHINE]", "hot-upgrade the machine (node or local) to FILE.sm or FILE.cam", Completion.FILE, ReplSession::upgrade),
            new Command("downgrade", "[FILE.sig]", "use the running version's downgrade section (signed, for a node with --trust)", Completion.FILE, ReplSession::downgrade),
            new Command("history", "", "the versions that ran, oldest first", Completion.NONE, (s, a) -> s.history()),
            new Command("quit", "", "leave (Ctrl-D does too)", Completion.NONE, (s, a) -> s.quit()));

    /**
     * The command {@code word} names: its full name, or else the first command
     * in table order that it is a prefix of ({@code :q}, {@code :h}, {@code :i}
     * for {@code :info}), as in ghci.
     */
    static Optional<Command> find(String word) {
        for (Command c : ALL) if (c.name().equals(word)) return Optional.of(c);
        if (word.isEmpty()) return Optional.empty();
        return ALL.stream().filter(c -> c.name().startsWith(word)).findFirst();
    }
}
