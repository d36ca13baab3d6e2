package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import hotsm.vm.value.Value;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One method being written. Stack slots pushed in this method (relative
 * depth {@code k >= 0}) live in JVM locals, so HotSpot sees them as it
 * sees Java locals; slots below the method's entry live in the array. A
 * CASE branch or the next chunk may reach below its own entry, so the
 * locals it can reach are stored to the array before the call and read
 * back after it.
 */
final class BlockEmitter {
    /** The generator, told when a method uses the stack array. */
    private final ClassGenerator owner;
    final MethodVisitor mv;
    int d;
    /** The constant the value register holds, if known here (QUOTE, and what is computed from quotes only). */
    Value vConst;
    /** The constants local stack slots hold, by relative depth, where known. */
    private final Map<Integer, Value> slotConst = new java.util.HashMap<>();

    /** The constant slot {@code k} holds (or null), replaced by {@code now} (null: not known). */
    Value known(int k, Value now) {
        if (k < 0) return null;   // a slot in the array: not tracked
        return now == null ? slotConst.remove(k) : slotConst.put(k, now);
    }

    /** After a call, which may have written the slots it reaches: no slot is known. */
    void forget() { slotConst.clear(); }

    BlockEmitter(ClassGenerator owner, ClassWriter cw, String name) {
            this.owner = owner;
        mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, BLOCK_D, null, null);
        mv.visitCode();
    }

    /** Pushes slot {@code k}. */
    void load(int k) {
        if (k >= 0) {
            mv.visitVarInsn(Opcodes.ALOAD, LOCALS + k);
        } else {
            index(k);
            mv.visitInsn(Opcodes.AALOAD);
        }
    }

    /** Pops into slot {@code k}. */
    void store(int k) {
        if (k >= 0) {
            mv.visitVarInsn(Opcodes.ASTORE, LOCALS + k);
        } else {
            mv.visitVarInsn(Opcodes.ASTORE, TEMP);
            index(k);
            mv.visitVarInsn(Opcodes.ALOAD, TEMP);
            mv.visitInsn(Opcodes.AASTORE);
        }
    }

    /** Pushes the array and the index {@code base + k}. */
    void index(int k) {
        owner.usesArray = true;
        mv.visitVarInsn(Opcodes.ALOAD, S);
        mv.visitVarInsn(Opcodes.ILOAD, BASE);
        if (k != 0) {
            mv.visitLdcInsn(k);
            mv.visitInsn(Opcodes.IADD);
        }
    }

    /** Local slots {@code from..d-1} to the array. */
    void spill(int from) {
        for (int k = Math.max(0, from); k < d; k++) {
            index(k);
            mv.visitVarInsn(Opcodes.ALOAD, LOCALS + k);
            mv.visitInsn(Opcodes.AASTORE);
        }
    }

    /** Local slots {@code from..d-1} back from the array. */
    void reload(int from) {
        for (int k = Math.max(0, from); k < d; k++) {
            index(k);
            mv.visitInsn(Opcodes.AALOAD);
            mv.visitVarInsn(Opcodes.ASTORE, LOCALS + k);
        }
    }

    void spillAll() { spill(0); }

    /** Returns the value on the operand stack and closes the method. */
    void end() {
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
