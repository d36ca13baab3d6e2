package hotsm.vm.value;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How big a value is, in the bytes of its wire encoding (docs/protocol.md,
 * "Values"): a tag byte per node, 8 for an integer, 4 plus the UTF-8 length
 * for a string. Counted as a tree, so a value that shares its parts (a pair
 * of the same big value twice) counts them each time, as printing and
 * sending it would. The walk stops as soon as the count passes the cap, so
 * it costs at most O(cap) whatever the value.
 */
public final class ValueSize {
    private ValueSize() {}

    /** The size of {@code v}, or a number over {@code cap} if it is larger than {@code cap}. */
    public static long of(Value v, long cap) {
        // Most states and outputs are small: a chain of constructors down to a unit or an integer needs no stack.
        long chain = 0;
        Value leaf = v;
        while (true) {
            if (leaf instanceof Value.Inl l) {
                leaf = l.value();
            } else if (leaf instanceof Value.Inr r) {
                leaf = r.value();
            } else {
                break;
            }
            chain++;
        }
        if (leaf instanceof Value.Unit) return chain + 1;
        if (leaf instanceof Value.Int) return chain + 9;
        long size = 0;
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(v);
        while (!todo.isEmpty() && size <= cap) {
            Value x = todo.pop();
            size += 1;
            if (x instanceof Value.Int) {
                size += 8;
            } else if (x instanceof Value.Str s) {
                size += 4 + utf8Length(s.value(), cap - size);
            } else if (x instanceof Value.Pair p) {
                todo.push(p.second());
                todo.push(p.first());
            } else if (x instanceof Value.Inl l) {
                todo.push(l.value());
            } else if (x instanceof Value.Inr r) {
                todo.push(r.value());
            } else if (x instanceof Value.ListOf list) {
                size += 4;   // u32 count, then each element (at least its tag byte, so the stack is bounded too)
                for (Value e : list) {
                    if (size + todo.size() > cap) return size + todo.size();
                    todo.push(e);
                }
            } else if (x instanceof Value.MapOf map) {
                size += 4;   // u32 count, then each key and value
                for (var it = map.iterator(); it.hasNext(); ) {
                    if (size + todo.size() > cap) return size + todo.size();
                    Value.Pair entry = it.next();
                    todo.push(entry.second());
                    todo.push(entry.first());
                }
            } else if (!(x instanceof Value.Unit)) {
                // a kind of value this walk has no case for yet: at least its printed length
                size += 4 + x.toString().length();
            }
        }
        return size;
    }

    /** The UTF-8 length of {@code s}, or a number over {@code cap} once it passes it. */
    private static long utf8Length(String s, long cap) {
        long n = 0;
        for (int i = 0; i < s.length() && n <= cap; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
