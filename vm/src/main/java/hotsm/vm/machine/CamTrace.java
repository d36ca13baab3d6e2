package hotsm.vm.machine;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.util.function.Consumer;

/**
 * A printed trace of a run, one line per instruction: nesting, index,
 * mnemonic, then the value register and stack depth it finds:
 * <pre>
 *   0  CASE   v = inl ()  s = 0
 * .   0  GET    v = ()  s = 0
 * </pre>
 * (depth counts the frames below: CASEs and CALLs that return, FOLDs; a CASE
 * or CALL in tail position reuses its frame).
 */
public final class CamTrace {
    private CamTrace() {}

    /** Runs {@code code} as {@link Cam#run}, sending one line per instruction to {@code out}. */
    public static Cam.Result run(Code code, Value argument, Value state, long fuel, Consumer<String> out) {
        return Cam.run(LoadedCode.load(code), argument, state, fuel,
                (depth, pc, instruction, v, stackDepth, st) -> out.accept(line(depth, pc, instruction, v, stackDepth)));
    }

    static String line(int depth, int pc, Instruction instruction, Value v, int stackDepth) {
        String value = ValuePrinter.printErased(v, 80);
        return ". ".repeat(depth) + String.format("%3d  %-6s v = %s  s = %d", pc, Opcode.of(instruction).mnemonic(), value, stackDepth);
    }
}
