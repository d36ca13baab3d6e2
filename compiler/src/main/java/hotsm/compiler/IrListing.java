package hotsm.compiler;

import hotsm.compiler.ir.IrPrinter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.ValuePrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text {@code smc ir FILE [--machine NAME]} prints: for each machine
 * defined in the file, its name, its input, output and state types, its
 * initial state, its step term with the term's type, and each upgrade and
 * downgrade section's terms with theirs, after the shared definitions they
 * call ({@code shared NAME : A -> B}). Terms are printed by
 * {@link IrPrinter}, indented under their heading:
 * <pre>
 * machine Counter1.counter
 *   input  Input
 *   output Output
 *   state  Int = 0
 *   step : Input -> Output
 *         id &amp;&amp;&amp; id
 *     &gt;&gt;&gt; dist
 *     ...
 * </pre>
 */
public final class IrListing {
    private IrListing() {}

    /**
     * The listing of every machine defined in the compiled files, or of the
     * one named {@code machine} (bare or qualified name).
     *
     * @throws MachineNames.NotFound (an {@link IllegalArgumentException}) in {@link MachineNames}' words,
     *         when {@code machine} names none of them, or several
     */
    public static String render(Compilation compilation, Optional<String> machine) {
        List<MachineIr> shown = new ArrayList<>();
        if (machine.isPresent()) {
            shown.add(compilation.resolveMachine(machine.get(), "this compilation"));
        } else {
            shown.addAll(compilation.machines());
        }
        List<String> blocks = new ArrayList<>();
        for (MachineIr m : shown) blocks.add(render(m));
        return blocks.isEmpty() ? "-- no machines\n" : String.join("\n", blocks);
    }

    /** One machine's block, ending with a newline. */
    public static String render(MachineIr m) {
        StringBuilder b = new StringBuilder();
        b.append("machine ").append(m.name()).append('\n');
        b.append("  input  ").append(m.input()).append('\n');
        b.append("  output ").append(m.output()).append('\n');
        b.append("  state  ").append(m.state()).append(" = ").append(ValuePrinter.print(m.state(), m.initialState())).append('\n');
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Term t : terms(m)) {
            for (Term.Definition d : IrPrinter.definitions(t)) {
                if (!seen.add(d.name())) continue;
                b.append("  shared ").append(d.name()).append(" : ").append(d.from()).append(" -> ").append(d.to()).append('\n');
                for (String line : IrPrinter.print(d.body()).split("\n")) b.append("      ").append(line).append('\n');
            }
        }
        term(b, "  ", "step", m.input(), m.output(), m.step());
        for (MachineIr.UpgradeIr u : m.upgrades()) {
            b.append("  upgrade from ").append(u.from().name()).append('\n');
            term(b, "    ", "state", u.from().state(), m.state(), u.migration());
            if (u.inputAdapter().isPresent()) term(b, "    ", "input", u.from().input(), m.input(), u.inputAdapter().get());
            if (u.outputAdapter().isPresent()) term(b, "    ", "output", m.output(), u.from().output(), u.outputAdapter().get());
        }
        for (MachineIr.DowngradeIr d : m.downgrades()) {
            b.append("  downgrade to ").append(d.to().name()).append('\n');
            term(b, "    ", "state", m.state(), d.to().state(), d.migration());
        }
        return b.toString();
    }

    /** Every term of the machine: its step, then each section's. */
    private static List<Term> terms(MachineIr m) {
        List<Term> out = new ArrayList<>();
        out.add(m.step());
        for (MachineIr.UpgradeIr u : m.upgrades()) {
            out.add(u.migration());
            u.inputAdapter().ifPresent(out::add);
            u.outputAdapter().ifPresent(out::add);
        }
        for (MachineIr.DowngradeIr d : m.downgrades()) out.add(d.migration());
        return out;
    }

    private static void term(StringBuilder b, String indent, String title, TypeDesc from, TypeDesc to, Term t) {
        b.append(indent).append(title).append(" : ").append(from).append(" -> ").append(to).append('\n');
        for (String line : IrPrinter.print(t).split("\n")) b.append(indent).append("    ").append(line).append('\n');
    }
}
