package hotsm.compiler.types;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many parts a type has when written out (every constructor, tuple,
 * arrow and variable counts one). Counted over the shared structure, so a
 * type that reuses its parts (what doubling aliases build: {@code type T2 =
 * (T1, T1)}) costs its distinct nodes to measure, not its written size; the
 * count saturates just over {@code cap}. Types over {@link #MAX} parts are
 * refused where they are declared: every later phase walks types as trees.
 */
final class TypeSize {
    private TypeSize() {}

    /** The largest type a program may write, in parts. */
    static final long MAX = 100_000;

    static long of(Type t, long cap) {
        return of(t, cap, new IdentityHashMap<>());
    }

    private static long of(Type t, long cap, Map<Type, Long> memo) {
        Long known = memo.get(t);
        if (known != null) return known;
        long n = 1;
        if (t instanceof Type.Con c) {
            n += sum(c.args(), cap, memo);
        } else if (t instanceof Type.Tuple tu) {
            n += sum(tu.components(), cap, memo);
        } else if (t instanceof Type.Fun f) {
            n += of(f.from(), cap, memo) + of(f.to(), cap, memo);
        }
        n = Math.min(n, cap + 1);
        memo.put(t, n);
        return n;
    }

    private static long sum(List<Type> ts, long cap, Map<Type, Long> memo) {
        long n = 0;
        for (Type x : ts) n = Math.min(n + of(x, cap, memo), cap + 1);
        return n;
    }
}
