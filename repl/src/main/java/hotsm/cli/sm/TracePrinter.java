package hotsm.cli.sm;

import hotsm.vm.node.NodeListener;
import hotsm.vm.node.VersionChange;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.io.PrintWriter;

/**
 * {@code sm node --trace}: for each input {@code Output: <value>} and
 * {@code New state: <value>} (LANGUAGE.md §10), for upgrades and downgrades
 * the node's answer, each line flushed as it happens.
 */
final class TracePrinter implements NodeListener {
    private final PrintWriter out;

    TracePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override public void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) {
        line("Output: " + ValuePrinter.print(outputType, output) + "\nNew state: "
                + ValuePrinter.print(stateType, newState));
    }

    @Override public void stepFailed(String reason) {
        line("Error: " + reason);
    }

    @Override public void changed(VersionChange change) {
        line(change.message());
    }

    @Override public void changeRefused(VersionChange.Kind kind, String reason) {
        line(reason);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
