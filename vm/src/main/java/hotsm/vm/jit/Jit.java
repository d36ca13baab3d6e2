package hotsm.vm.jit;

import hotsm.vm.bytecode.Code;
import java.lang.invoke.MethodHandles;

/**
 * The JIT tier's front door: compiles verified code to a JVM class
 * ({@link ClassGenerator}) and loads it as a hidden class, which the JVM
 * unloads once the version that uses it is gone.
 */
public final class Jit {
    private Jit() {}

    /** {@code -Dhotsm.jit=off} runs everything on the interpreter (for comparisons and debugging). */
    public static final boolean ENABLED = !"off".equals(System.getProperty("hotsm.jit"));

    /**
     * {@code -Dhotsm.jit.dump=DIR} writes each compiled class to {@code DIR} (for {@code javap -c -p}, when
     * profiling what the JIT writes); unset, nothing is written.
     */
    private static final String DUMP = System.getProperty("hotsm.jit.dump");

    private static final java.util.concurrent.atomic.AtomicInteger DUMPED = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Compiles {@code code}, which must have passed the verifier.
     *
     * @throws JitRefusal if it has an instruction the JIT does not know, or is too large for a JVM class
     */
    public static JitCode compile(Code code) {
        return compile(code, java.util.List.of());
    }

    /** Compiles {@code code}, whose {@code CALL}s name the blocks of {@code shared}. */
    public static JitCode compile(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared) {
        return compile(code, shared, ClassGenerator.CHUNK, Layout.OBJ);
    }

    /**
     * As {@link #compile(Code, java.util.List)}, for step code whose state has
     * {@code stateShape}: the class keeps the state in {@link Layout#forState}'s
     * layout, for {@link ResidentState}s.
     */
    public static JitCode compile(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared,
                                  hotsm.vm.types.Shape stateShape) {
        return compile(code, shared, ClassGenerator.CHUNK, Layout.forState(stateShape));
    }

    /** With {@code chunkSize} instructions per JVM method (tests use small ones to exercise the chaining). */
    static JitCode compile(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared, int chunkSize) {
        return compile(code, shared, chunkSize, Layout.OBJ);
    }

    /** With the state kept in {@code stateLayout}. */
    static JitCode compile(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared, int chunkSize,
                           Layout stateLayout) {
        ClassGenerator.Output out;
        try {
            out = ClassGenerator.generate(code, shared, chunkSize, stateLayout);
        } catch (StackOverflowError e) {
            throw new JitRefusal("the code nests too deeply");
        } catch (JitRefusal e) {
            throw e;
        } catch (RuntimeException e) {   // a shape the generator does not expect: the interpreter runs it
            throw new JitRefusal("the JIT could not translate the code: " + e);
        }
        if (DUMP != null) dump(out.bytes());
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(out.bytes(),
                    out.constants(), true);
            JitEntry entry = (JitEntry) lookup.findConstructor(lookup.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
            return new JitCode(entry, stateLayout);
        } catch (RuntimeException | Error e) {
            throw new JitRefusal("the JVM did not accept the compiled class: " + e);
        } catch (Throwable e) {
            throw new JitRefusal("the compiled class could not be started: " + e);
        }
    }

    private static void dump(byte[] bytes) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(DUMP);
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("CompiledCode" + DUMPED.incrementAndGet() + ".class"), bytes);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("hotsm.jit.dump: " + e);   // a debugging aid: never fails the compilation
        }
    }
}
