package hotsm.repl;

/**
 * One {@code :command} of the REPL: its name, what its argument looks like, a
 * one-line help text, what to complete after it, and what it does.
 */
record Command(String name, String argument, String help, Completion completion, Action action) {

    /** What tab completion offers for a command's argument. */
    enum Completion { NONE, FILE, MACHINE, INPUT, COMMAND }

    /** Runs the command with the rest of the line (trimmed, possibly empty). */
    @FunctionalInterface
    interface Action {
        void run(ReplSession session, String argument) throws ReplError;
    }

    /** {@code :load FILE}, as :help lists it. */
    String synopsis() { return argument.isEmpty() ? ":" + name : ":" + name + " " + argument; }
}
