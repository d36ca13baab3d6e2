package hotsm.vm.jit;

import hotsm.vm.value.Value;

/**
 * Where compiled code keeps a CAM value while the class generator knows its
 * shape: the value register and the stack slots of a method are {@code Rep}s,
 * so a pair that is only taken apart again is never built, an {@code Int}
 * that is only computed with stays a {@code long}, and a sum that is only
 * taken apart by {@code CASE} stays a tag and its payload. A value becomes a
 * {@link Value} object ({@link BlockEmitter#materialize}) only where it
 * escapes: into the state, a result, a primitive other than arithmetic and
 * comparisons, or a stack slot below the method's entry.
 *
 * <p>JVM locals are never reused within a method, so a {@code Rep} copied to
 * several slots (PUSH) stays valid however the others change.
 */
sealed interface Rep {
    /** A {@link Value} in JVM local {@code local}. */
    record Obj(int local) implements Rep {}

    /** An {@code Int} as a {@code long} in JVM locals {@code local, local + 1}. */
    record Lng(int local) implements Rep {}

    /** A value known when the class is written (a QUOTE, or computed from quotes only). */
    record Con(Value value) implements Rep {}

    /**
     * The payload of the sum object in JVM local {@code local}: of its
     * {@code Inr} if {@code right}, else of its {@code Inl}; read where it is
     * used, inside the branch that knows the side.
     */
    record Payload(int local, boolean right) implements Rep {}

    /** A pair not built: its two components. */
    record Pr(Rep first, Rep second) implements Rep {}

    /**
     * A sum not built: {@code Inl left} when the tag is 0, {@code Inr right}
     * when it is 1. The tag is the constant {@code tag} when {@code tagLocal}
     * is -1 (the other side is then null), else the {@code int} in JVM local
     * {@code tagLocal}; the side the tag does not name is never used.
     */
    record Sm(int tagLocal, int tag, Rep left, Rep right) implements Rep {
        boolean constant() { return tagLocal < 0; }
    }
}
