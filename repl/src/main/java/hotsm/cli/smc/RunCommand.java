package hotsm.cli.smc;

import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.MachineOption;
import hotsm.cli.Smc;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.machine.CamTrace;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepTrace;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.value.ValueSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code smc run FILE(.sm|.cam) [--machine NAME] [-i VALUE]... [--trace[=steps|cam]] [--fuel N]}:
 * steps a machine from its initial state on the CAM, one output per input;
 * {@code --trace} prints the {@link StepTrace}, {@code --trace=cam} also the
 * {@link CamTrace} of each step.
 */
@Command(name = "run", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Run a machine on the CAM, one output per input.",
                "%nSteps the machine from its initial state over the -i values, or else over the lines of "
                        + "standard input (one value per line, blank lines skipped), printing each output in "
                        + "source syntax. A .sm file is compiled first (choose the machine with --machine if it "
                        + "defines several); a .cam artifact is decoded and verified. A bad input or a run-time "
                        + "error prints 'error: ...' in its place, leaves the state as it was, and makes the exit "
                        + "status 1.%n"})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Spec private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .sm source file or a .cam artifact.")
    private Path file;

    @Mixin MachineOption machine;

    @Option(names = {"-i", "--input"}, paramLabel = "VALUE",
            description = "An input value in source syntax, e.g. -i Incr -i 'Add 3' (repeatable).")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--trace", arity = "0..1", fallbackValue = "steps", paramLabel = "WHAT",
            preprocessor = Trace.Argument.class,
            description = {"--trace or --trace=steps: for each input print 'Output: <value>' and 'New state: <value>'.",
                    "--trace=cam: before those, one line per CAM instruction the step runs: nesting (one '. ' per "
                            + "frame), index in its block, mnemonic, the value register v (cut at 80 characters) "
                            + "and the stack depth s."})
    private String trace;

    @Option(names = "--fuel", paramLabel = "N", defaultValue = "" + NodeOptions.DEFAULT_FUEL,
            description = "Stop a step after N instructions with an error (default: ${DEFAULT-VALUE}).")
    private long fuel;

    @Mixin IncludeOption includes;

    @Override public Integer call() throws IOException {
        if (fuel <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--fuel must be positive, got " + fuel);
        Trace tracing = Trace.of(trace, spec.commandLine());
        Artifact artifact = load();
        Stepper stepper = new Stepper(artifact, smc.out(), tracing);
        if (!inputs.isEmpty()) {
            for (String input : inputs) stepper.step(input);
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(smc.stdin(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) stepper.step(line.strip());
            }
        }
        return stepper.failed ? Smc.USER_ERROR : Smc.OK;
    }

    private Artifact load() {
        return MachineFiles.load(file, machine.name(), includes.get(), null, MachineOption.HOW_TO_PICK).artifact();
    }

    /** The running machine: its current state, advanced by each successful step. */
    private final class Stepper {
        private final Artifact artifact;
        private final LoadedCode step;
        private final PrintWriter out;
        private final Trace tracing;
        private final StepTrace trace;
        private Value state;
        boolean failed;

        Stepper(Artifact artifact, PrintWriter out, Trace tracing) {
            this.artifact = artifact;
            this.step = LoadedCode.load(artifact.step(), artifact.blocks());
            this.out = out;
            this.tracing = tracing;
            this.trace = StepTrace.to(out::println);
            this.state = artifact.initialState();
        }

        void step(String text) {
            Value input;
            try {
                input = ValueParser.parse(artifact.input(), text);
            } catch (ValueSyntaxException e) {
                fail("bad input '" + text + "' at column " + (e.column() + 1) + ": " + e.getMessage());
                return;
            }
            Cam.Result result;
            try {
                result = Cam.run(step, input, state, fuel, tracing == Trace.CAM ? CamTrace.to(out::println) : null);
            } catch (CamRuntimeError e) {
                fail(e.getMessage() + " (on input " + text + "; the state is unchanged)");
                return;
            }
            state = result.state();
            if (tracing == Trace.NONE) {
                out.println(ValuePrinter.print(artifact.output(), result.value()));
            } else {
                trace.stepped(artifact.output(), result.value(), artifact.state(), state);
            }
            out.flush();
        }

        private void fail(String message) {
            failed = true;
            out.println("error: " + message.replace('\n', ' '));
            out.flush();
        }
    }

    /** What {@code --trace} asks for. */
    private enum Trace {
        NONE, STEPS, CAM;

        /**
         * {@code --trace} takes the next argument only when it is {@code steps} or
         * {@code cam} (or is attached, {@code --trace=WHAT}), so {@code --trace FILE}
         * still means the step trace of FILE.
         */
        static final class Argument implements CommandLine.IParameterPreprocessor {
            @Override public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec command,
                                                CommandLine.Model.ArgSpec option, java.util.Map<String, Object> info) {
                boolean attached = command.parser().separator().equals(info.get("separator"));
                if (attached || !args.isEmpty() && (args.peek().equals("steps") || args.peek().equals("cam"))) return false;
                option.setValue("steps");
                return true;
            }
        }

        static Trace of(String option, CommandLine commandLine) {
            if (option == null) return NONE;
            return switch (option) {
                case "steps" -> STEPS;
                case "cam" -> CAM;
                default -> throw new CommandLine.ParameterException(commandLine,
                        "--trace is steps or cam, got '" + option + "'");
            };
        }
    }
}
