package hotsm.vm.machine;

import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.util.function.Consumer;

/**
 * A printed trace of a run ({@code smc run --trace=cam}), one line per
 * instruction: nesting, index, mnemonic, then the value register (cut at 80
 * characters) and stack depth it finds:
 * <pre>
 *   0  CASE   v = inl ()  s = 0
 * .   0  GET    v = ()  s = 0
 * </pre>
 * (depth counts the frames below: CASEs and CALLs that return, FOLDs; a CASE
 * or CALL in tail position reuses its frame).
 */
public final class CamTrace {
    private CamTrace() {}

    /** A tracer for {@link Cam#run(LoadedCode, Value, Value, long, Cam.Tracer)} sending one line per instruction to {@code out}. */
    public static Cam.Tracer to(Consumer<String> out) {
        return (depth, pc, instruction, v, stackDepth, st) -> out.accept(line(depth, pc, instruction, v, stackDepth));
    }

    static String line(int depth, int pc, Instruction instruction, Value v, int stackDepth) {
        String value = ValuePrinter.printErased(v, 80);
        return ". ".repeat(depth) + String.format("%3d  %-6s v = %s  s = %d", pc, Opcode.of(instruction).mnemonic(), value, stackDepth);
    }
}
