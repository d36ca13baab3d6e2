package hotsm.vm.node;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The step trace (LANGUAGE.md §10), one line per fact, in the words
 * {@code sm node --trace}, {@code smc run --trace}, {@code sm demo} and the
 * REPL share:
 * <pre>
 * Output: Total 2
 * New state: 2
 * Error: division by zero
 * Upgrade successful!
 * Counter1.counter dd23c603 -> Counter2.counter 0c0749b2
 * </pre>
 * (a refused upgrade or downgrade is its reason, as the node words it). Each
 * line reaches {@link #line} unprinted, so a listener on the machine thread
 * can leave printing the values to another thread.
 */
public interface StepTrace extends NodeListener {

    /** Takes one line of the trace; {@code line.get()} prints it. */
    void line(Supplier<String> line);

    /** A trace that prints each line at once and hands it to {@code out}. */
    static StepTrace to(Consumer<String> out) {
        return line -> out.accept(line.get());
    }

    /** {@code Output: Total 2}. */
    static String output(TypeDesc type, Value output) {
        return "Output: " + ValuePrinter.print(type, output);
    }

    /** {@code New state: 2}. */
    static String newState(TypeDesc type, Value state) {
        return "New state: " + ValuePrinter.print(type, state);
    }

    @Override default void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) {
        line(() -> output(outputType, output));
        line(() -> newState(stateType, newState));
    }

    @Override default void stepFailed(String reason) {
        line(() -> "Error: " + reason);
    }

    /** {@code Upgrade successful!}, then the version pair, as {@code sm upgrade} prints them. */
    @Override default void changed(VersionChange change) {
        line(change::message);
        line(change::describe);
    }

    @Override default void changeRefused(VersionChange.Kind kind, String reason) {
        line(() -> reason);
    }
}
