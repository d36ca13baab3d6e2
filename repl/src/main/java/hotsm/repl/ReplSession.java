package hotsm.repl;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import hotsm.vm.value.Value;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import hotsm.vm.trust.ReleaseSignature;
import java.util.Optional;

/**
 * The REPL's state and its evaluation of one line: a {@code :command}, a value
 * for the current machine, or a pure expression. Everything it prints goes to
 * one writer, errors included, so a transcript reads in order. Terminal
 * handling lives elsewhere ({@link Repl}); this class is driven line by line,
 * which is how the tests and {@code sm demo} use it.
 */
public final class ReplSession implements AutoCloseable {
    private final PrintWriter out;
    private final FileResolver files;
    private LoadedProgram program;      // the last :load, if any
    private LocalMachine local;         // its running machine
    private RemoteNode remote;          // the attached node, if any
    /** The -I folders of {@code sm repl}: where imports are looked up after the importing file's folder. */
    private List<Path> includes = List.of();
    private boolean running = true;
    private int errors;                 // how many lines ended in an error
    private int visiblePromptWidth = -1; // where the typed line starts on screen, -1 when not shown
    private int leadingBlanks;           // blanks before the text of the line being handled
    private int currentArgumentOffset;   // where a command's argument starts in the text
    private final Definitions definitions = new Definitions();
    private long fuel = hotsm.vm.node.NodeOptions.DEFAULT_FUEL; // what one evaluation may spend, as a node's step
    private StringBuilder block;         // the lines of a :{ ... :} block being typed, or null

    /** @param baseDir where relative file names are looked up first */
    public ReplSession(PrintWriter out, Path baseDir) {
        this.out = out;
        this.files = new FileResolver(baseDir);
    }

    /** How many lines so far ended in an error (a scripted session exits 1 if any did). */
    public int errors() { return errors; }

    /** False once {@code :quit} ran. */
    public boolean running() { return running; }

    /** What the prompt says: the machine values go to, or {@code sm}; {@code |} instead of {@code >} inside {@code :{ ... :}}. */
    public String prompt() {
        String end = block != null ? "| " : "> ";
        if (remote != null) return remote.machineName() + "@node" + end;
        if (local != null) return local.machineName() + end;
        return "sm" + end;
    }

    /** The fuel of one evaluation at the prompt (a node's step limit unless changed, e.g. by a test). */
    void fuel(long units) { this.fuel = units; }

    /**
     * Tells the session whether the line it is about to handle is visible on
     * screen after a prompt of this width (a terminal, or an echoed script), so
     * a caret can point into it; -1 when it is not (piped input).
     */
    public void promptShown(int width) { this.visiblePromptWidth = width; }

    /**
     * Evaluates one line and prints what it gives. Never throws: errors,
     * Ctrl-C ({@code Interrupted.}) and even a lack of memory or stack end the
     * line, not the session. Lines between {@code :{} and {@code :}} are
     * gathered and handled as one.
     */
    public void handle(String line) {
        if (block != null) {
            if (!line.strip().equals(":}")) {
                block.append(block.length() > 0 ? "\n" : "").append(line);
                return;
            }
            String gathered = block.toString();
            block = null;
            promptShown(-1);
            if (gathered.isBlank()) return;
            line = gathered;
        } else if (line.strip().equals(":{")) {
            block = new StringBuilder();
            return;
        }
        String text = line.strip();
        leadingBlanks = line.length() - line.stripLeading().length();
        currentArgumentOffset = 0;
        if (text.isEmpty() || (text.startsWith("--") && !text.contains("\n"))) return;
        try {
            if (text.startsWith(":")) command(text.substring(1));
            else input(text);
        } catch (ReplError e) {
            if (Thread.currentThread().isInterrupted()) {
                // Ctrl-C broke what the line waited for (a file, a connection): that is the news, not the error
                if (!abandoned()) out.println(Interrupted.MESSAGE);
            } else {
                errors++;
                printError(e);
            }
        } catch (Interrupted e) {
            if (!abandoned()) out.println(e.getMessage());
        } catch (RuntimeException e) {
            errors++;
            // A bug in a lower layer must not end the session nor print a trace.
            out.println("error: internal: " + oneLine(e));
        } catch (StackOverflowError e) {
            errors++;
            out.println("error: too deeply nested to evaluate here (the session is intact)");
        } catch (OutOfMemoryError e) {
            errors++;
            out.println("error: out of memory while handling this line (the session is intact)");
        } catch (Error e) {
            if (e instanceof ThreadDeath || abandoned()) throw e;   // a line given up after Ctrl-C (LineRunner)
            errors++;
            out.println("error: internal: " + e.getClass().getSimpleName() + ": " + oneLine(e));
        }
        if (!abandoned()) announceVersionChange();
        out.flush();
    }

    /** Whether this line's thread was given up by {@link LineRunner} after Ctrl-C: it must print nothing more. */
    private static boolean abandoned() {
        return Thread.currentThread() instanceof LineRunner.Worker w && w.abandoned();
    }

    /**
     * Called by {@link LineRunner} when it gives up on a line that did not
     * stop after Ctrl-C: a node's answer may still be on its way, so the
     * connection is closed rather than shared with the next line.
     */
    void abandon() {
        out.println(Interrupted.MESSAGE);
        if (remote != null) {
            RemoteNode node = remote;
            remote = null;
            node.close();
            out.println("(the node had not answered; the connection to " + node.address() + " is closed: :connect again)");
        }
        out.flush();
    }

    /**
     * Tells, before the next prompt, when someone else upgraded or downgraded
     * the attached node since its last answer to this session; the prompt and
     * value parsing then follow the new version. (The line just handled was
     * read against the version its prompt showed, and the node adapted it.)
     */
    private void announceVersionChange() {
        if (remote == null) return;
        try {
            remote.changedElsewhere().ifPresent(out::println);
        } catch (ReplError | RuntimeException e) {
            // the node is gone or busy: the next line that needs it says so
        }
    }

    private void command(String text) throws ReplError {
        int space = indexOfSpace(text);
        String word = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space + 1);
        String argument = rest.strip();
        currentArgumentOffset = 1 + (space < 0 ? text.length() : space + 1 + rest.length() - rest.stripLeading().length());
        Optional<Command> command = Commands.find(word);
        if (command.isEmpty()) throw ReplError.of("unknown command :" + word + " (:help lists them)");
        command.get().action().run(this, argument);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    /**
     * A typed line that is not a command: a value of the current machine's
     * input type steps the machine; anything else is a pure expression.
     */
    private void input(String text) throws ReplError {
        if (Definitions.isDefinition(text)) {
            definitions.define(text);
            return;
        }
        Target target = target();
        ReplError valueError = null;
        if (target != null) {
            Optional<Value> value = Optional.empty();
            try {
                value = Optional.of(Values.parse(target.inputType(), text));
            } catch (ReplError e) {
                valueError = e;
            }
            if (value.isPresent()) {
                target.step(value.get()).forEach(out::println);
                return;
            }
        }
        try {
            Expressions.Result r = Expressions.evaluate(text, definitions.scope(), fuel);
            Interrupted.check();
            out.println(r.printed());
            definitions.setIt(r.value());
        } catch (ReplError expressionError) {
            // `Incrr` was meant as an input; `foo 3` and `10 / 0` as expressions.
            boolean meantAsValue = valueError != null && !expressionError.isAtRunTime()
                    && Character.isUpperCase(text.charAt(0));
            throw meantAsValue ? valueError : expressionError;
        }
    }

    /** Where typed values go: the node when attached, else the local machine, else nowhere. */
    Target target() { return remote != null ? remote : local; }

    /** The loaded program, or null. */
    LoadedProgram program() { return program; }

    FileResolver files() { return files; }

    /** The names expressions may use, as of the last time the scope was compiled (for completion; never compiles). */
    java.util.Set<String> namesInScope() { return definitions.namesInScope(); }

    // ---- the commands (see Commands for the table) ----

    void help(String argument) throws ReplError {
        if (!argument.isEmpty()) {
            String word = argument.startsWith(":") ? argument.substring(1) : argument;
            Command c = Commands.find(word).orElseThrow(() -> ReplError.of("no command :" + word));
            out.println(c.synopsis() + "  " + c.help());
            return;
        }
        out.println("Type a value of the machine's input type to step it (Incr, Total 2, (1, \"a\")),");
        out.println("or an expression to evaluate it (1 + 2 prints 3 : Int; `it` is the last value),");
        out.println("or a definition (let x = 5, f n = n * x, data C = R | G; :{ ... :} for several lines).");
        out.println("Ctrl-C stops an evaluation or a step. Commands:");
        int width = Commands.ALL.stream().mapToInt(c -> c.synopsis().length()).max().orElse(0);
        for (Command c : Commands.ALL) {
            out.println("  " + pad(c.synopsis(), width) + "  " + c.help());
        }
        out.println("A local step prints the output, then `New state: ...`; on a node, the node's answer.");
        out.println("Commands may be shortened (:q, :h). Tab completes commands, constructors and files.");
    }

    private static String pad(String s, int width) { return s + " ".repeat(Math.max(0, width - s.length())); }

    void step(String argument) throws ReplError {
        Target t = requireTarget();
        if (argument.isEmpty()) throw ReplError.of(":step needs an expression, e.g. :step Total (1 + 1)");
        try {   // a plain value of the input type (all a node's constructors are known by, without its source)
            Value plain = Values.parse(t.inputType(), argument);
            t.step(plain).forEach(out::println);
            return;
        } catch (ReplError notAPlainValue) {
            // an expression, then
        }
        Expressions.Result r = Expressions.evaluate(argument, definitions.scope(), fuel);
        Value input;
        try {
            input = Values.parse(t.inputType(), r.value());
        } catch (ReplError e) {
            throw ReplError.at(argument, 0, argument + " is " + r.printed() + ", not a value of the input type "
                    + TypeText.inline(t.inputType()));
        }
        Interrupted.check();
        t.step(input).forEach(out::println);
    }

    void load(String argument) throws ReplError {
        if (argument.isEmpty()) throw ReplError.of(":load needs a file, e.g. :load samples/counter/Counter1.sm");
        Path file = files.resolveSource(argument);
        if (hotsm.cli.MachineFiles.isArtifact(file)) {
            throw ReplError.of(argument + " is a .cam artifact, and :load compiles .sm source; an artifact runs with"
                    + " `sm node FILE`, or replaces a loaded machine with `:upgrade FILE`");
        }
        start(LoadedProgram.compile(file, includes), null);
    }

    void reload() throws ReplError {
        if (program == null) throw ReplError.of("nothing to reload: :load a file first");
        String machine = local != null ? local.machineName() : null;
        start(LoadedProgram.compile(program.file(), includes), machine);
    }

    /** Installs a freshly compiled program and starts {@code machine} (or its first machine). */
    private void start(LoadedProgram loaded, String machine) throws ReplError {
        Interrupted.check();
        program = loaded;
        definitions.programChanged(loaded);
        replaceLocal(null);
        List<String> machines = loaded.machineNames();
        if (machines.isEmpty()) {
            out.println("Loaded " + loaded.displayName() + " (no machines; expressions can use its functions)");
            return;
        }
        String chosen = machine != null && machines.contains(machine) ? machine : machines.get(0);
        replaceLocal(loaded.start(chosen));
        out.println("Loaded " + loaded.displayName() + ": running " + local.describe());
        if (machines.size() > 1) out.println("Other machines: " + others(machines, chosen) + " (:machine NAME switches)");
        if (remote != null) out.println("(values still go to the node; :disconnect to use this machine)");
    }

    private void replaceLocal(LocalMachine machine) {
        if (local != null) local.close();
        local = machine;
    }

    private static String others(List<String> machines, String chosen) {
        return String.join(", ", machines.stream().filter(m -> !m.equals(chosen)).toList());
    }

    void machine(String argument) throws ReplError {
        LoadedProgram p = requireProgram();
        if (argument.isEmpty()) {
            for (String m : p.machineNames()) {
                out.println((local != null && local.machineName().equals(m) ? "* " : "  ") + m);
            }
            return;
        }
        replaceLocal(p.start(p.resolveMachine(argument)));
        out.println("Running " + local.describe());
    }

    void type(String argument) throws ReplError {
        if (argument.isEmpty()) throw ReplError.of(":type needs an expression, e.g. :type 1 + 2");
        try {
            out.println(Expressions.typeOf(argument, definitions.scope()));
        } catch (ReplError e) {
            // Not in scope: the attached node's machine and constructors, from its info.
            Optional<String> ofNode = remote == null ? Optional.empty() : NodeNames.type(argument, remote.described());
            if (ofNode.isEmpty()) throw e;
            out.println(ofNode.get());
        }
    }

    void ir(String argument) throws ReplError {
        LoadedProgram p = requireProgram();
        out.print(p.irListing(machineArgument(p, argument)));
    }

    void bytecode(String argument) throws ReplError {
        LoadedProgram p = requireProgram();
        out.print(p.bytecodeListing(machineArgument(p, argument)));
    }

    private String machineArgument(LoadedProgram p, String argument) throws ReplError {
        if (!argument.isEmpty()) return p.resolveMachine(argument);
        if (local != null) return local.machineName();
        throw ReplError.of("which machine? the file defines none");
    }

    void state() throws ReplError {
        Target t = target();
        if (t == null) throw ReplError.of("no machine: :load FILE or :connect HOST:PORT first");
        out.println(t.state());
    }

    void reset() throws ReplError {
        if (local == null) throw ReplError.of("no local machine to reset (a node's state is changed only by inputs and upgrades)");
        local.reset();
        out.println("Reset: " + local.describe());
    }

    /** How {@code :connect} secures its connections (docs/security.md); null: the default cookie, no TLS. */
    private hotsm.vm.protocol.ConnectionSecurity security;

    /** Use this cookie (and TLS) for {@code :connect} ({@code sm repl --cookie-file --tls-trust}). */
    public void security(hotsm.vm.protocol.ConnectionSecurity security) { this.security = security; }

    void connect(String argument) throws ReplError {
        if (argument.isEmpty()) throw ReplError.of(":connect needs HOST:PORT, e.g. :connect 127.0.0.1:7070");
        String[] words = argument.trim().split("\\s+");
        java.time.Duration timeout = null;
        if (words.length == 3 && words[1].equals("--timeout")) {
            try {
                double seconds = Double.parseDouble(words[2]);
                if (!(seconds > 0) || seconds > 1e9) throw new NumberFormatException();
                timeout = java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
            } catch (NumberFormatException e) {
                throw ReplError.of("--timeout takes a positive number of seconds, got " + words[2]);
            }
        } else if (words.length != 1) {
            throw ReplError.of("usage: :connect HOST:PORT [--timeout SECONDS]");
        }
        RemoteNode node = security == null ? RemoteNode.connect(words[0], timeout)
                : RemoteNode.connect(words[0], timeout, security);
        if (remote != null) remote.close();
        remote = node;
        out.println("Connected to " + node.describe());
    }

    void disconnect() throws ReplError {
        RemoteNode node = requireRemote();
        node.close();
        remote = null;
        out.println("Disconnected from " + node.address() + (local != null ? "; values go to " + local.machineName() + " again" : ""));
    }

    void info(String argument) throws ReplError {
        if (!argument.isEmpty()) {
            Definitions.Scope scope = definitions.scope();
            List<String> lines = Names.info(argument, scope);
            if (lines.isEmpty() && remote != null) lines = NodeNames.info(argument, remote.described());
            if (lines.isEmpty()) {
                throw ReplError.of("nothing named " + argument + " in scope" + Names.didYouMean(argument, scope.compilation()));
            }
            lines.forEach(out::println);
            return;
        }
        Target t = target();
        if (t == null) throw ReplError.of("no machine: :load FILE or :connect HOST:PORT first");
        t.info().forEach(out::println);
    }

    void upgrade(String argument) throws ReplError {
        Target node = requireTarget();
        if (argument.isEmpty()) throw ReplError.of(":upgrade needs a file, e.g. :upgrade samples/counter/Counter2.sm");
        String[] words = argument.split("\\s+");
        if (words.length > 2) throw ReplError.of("usage: :upgrade FILE [MACHINE]");
        Path file = files.resolveArtifactSource(words[0]);
        String machine = words.length == 2 ? words[1] : null;
        out.println(node.upgrade(Artifacts.load(file, machine, includes, node.identity()), Artifacts.signatureBeside(file)));
    }

    /** {@code :downgrade [FILE.sig]}: with a release signature for a node that requires one. */
    void downgrade(String argument) throws ReplError {
        Optional<ReleaseSignature> signature = argument.isBlank() ? Optional.empty()
                : Optional.of(Artifacts.signature(files.resolveSignature(argument.strip())));
        out.println(requireTarget().downgrade(signature));
    }

    /** The folders {@code -I} names ({@code sm repl -I DIR}), for the files this session compiles. */
    void includes(List<Path> dirs) { includes = List.copyOf(dirs); }

    void history() throws ReplError {
        requireTarget().history().forEach(out::println);
    }

    void quit() { running = false; }

    private LoadedProgram requireProgram() throws ReplError {
        if (program == null) throw ReplError.of("no file loaded: :load FILE first");
        return program;
    }

    private Target requireTarget() throws ReplError {
        Target t = target();
        if (t == null) throw ReplError.of("no machine: :load FILE or :connect HOST:PORT first");
        return t;
    }

    private RemoteNode requireRemote() throws ReplError {
        if (remote == null) throw ReplError.of("not connected to a node: :connect HOST:PORT first");
        return remote;
    }

    /** The input type typed values are read as, if there is a machine. */
    Optional<TypeDesc> inputType() {
        Target t = target();
        return t == null ? Optional.empty() : Optional.of(t.inputType());
    }

    private void printError(ReplError e) {
        int caretAt = visiblePromptWidth >= 0 ? visiblePromptWidth + leadingBlanks + currentArgumentOffset : -1;
        e.render(caretAt).forEach(out::println);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String s = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override public void close() {
        definitions.close();
        if (remote != null) remote.close();
        remote = null;
        replaceLocal(null);
    }
}
