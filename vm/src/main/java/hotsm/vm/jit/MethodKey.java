package hotsm.vm.jit;

import hotsm.vm.bytecode.Code;

/**
 * One method of a compiled class: the instructions of {@code code} from
 * {@code pc} on (0 for a block; more for the continuation of a long one),
 * entered with the value register in {@code entry}'s layout and leaving it in
 * {@code ret}'s. A block reached with different layouts gets one method per
 * layout. Code is compared by identity: a block is the object the tree holds.
 */
record MethodKey(Code code, int pc, Layout entry, Layout ret) {
    @Override public boolean equals(Object o) {
        return o instanceof MethodKey k && k.code == code && k.pc == pc && k.entry.equals(entry)
                && java.util.Objects.equals(k.ret, ret);
    }

    @Override public int hashCode() {
        return System.identityHashCode(code) * 31 + pc * 17 + entry.hashCode() * 7 + java.util.Objects.hashCode(ret);
    }

    /** The JVM descriptor: the stack array, the entry depth, the frame, the entry's leaves; the result. */
    String descriptor() {
        return "([" + JitNames.VALUE_D + "IL" + JitNames.FRAME + ";" + Layout.descriptor(entry) + ")"
                + Layout.returnDescriptor(ret);
    }
}
