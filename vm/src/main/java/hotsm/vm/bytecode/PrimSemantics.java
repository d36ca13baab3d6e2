package hotsm.vm.bytecode;

import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each {@link PrimOp} computes, one method per row, and the work each
 * charges to the meter (docs/bytecode.md §7). Inputs are values of the
 * primitive's input shape (verified code); tuples arrive as right-nested pairs.
 */
final class PrimSemantics {
    private PrimSemantics() {}

    private static final int MAX_STRING_LENGTH = PrimOp.MAX_STRING_LENGTH;

    /**
     * What {@code op} computes from the value register {@code in}, work charged to {@code meter}.
     *
     * @throws PrimFailure if the primitive has no result for {@code in}
     */
    static Value apply(PrimOp op, Value in, Meter meter) {
        return switch (op) {
            case ADD -> add(in, meter);
            case SUB -> sub(in, meter);
            case MUL -> mul(in, meter);
            case DIV -> div(in, meter);
            case MOD -> mod(in, meter);
            case NEG -> neg(in, meter);
            case EQ -> eq(in, meter);
            case NE -> ne(in, meter);
            case LT -> lt(in, meter);
            case LE -> le(in, meter);
            case GT -> gt(in, meter);
            case GE -> ge(in, meter);
            case CONCAT -> concat(in, meter);
            case SHOW_INT -> showInt(in, meter);
            case LENGTH -> length(in, meter);
            case LIST_CONS -> listCons(in, meter);
            case LIST_UNCONS -> listUncons(in, meter);
            case LIST_LENGTH -> listLength(in, meter);
            case LIST_SORT -> listSort(in, meter);
            case LIST_RANGE -> listRange(in, meter);
            case LIST_APPEND -> listAppend(in, meter);
            case MAP_INSERT -> mapInsert(in, meter);
            case MAP_DELETE -> mapDelete(in, meter);
            case MAP_LOOKUP -> mapLookup(in, meter);
            case MAP_MEMBER -> mapMember(in, meter);
            case MAP_SIZE -> mapSize(in, meter);
            case MAP_TO_LIST -> mapToList(in, meter);
            case MAP_FROM_LIST -> mapFromList(in, meter);
            case STR_SLICE -> strSlice(in, meter);
            case STR_SPLIT -> strSplit(in, meter);
            case STR_JOIN -> strJoin(in, meter);
            case STR_CONTAINS -> strContains(in, meter);
            case STR_STARTS_WITH -> strStartsWith(in, meter);
            case STR_TO_UPPER -> strToUpper(in, meter);
            case STR_TO_LOWER -> strToLower(in, meter);
            case STR_TRIM -> strTrim(in, meter);
            case STR_TO_INT -> strToInt(in, meter);
            case STR_CHARS -> strChars(in, meter);
            case STR_QUOTE -> strQuote(in, meter);
        };
    }

    private static final Value[] SMALL_INTS = new Value[1024 + 128];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) SMALL_INTS[i] = new Value.Int(i - 128);
    }

    /** An Int value, shared for small ones. */
    static Value integer(long n) {
        return n >= -128 && n < 1024 ? SMALL_INTS[(int) n + 128] : new Value.Int(n);
    }

    private static Value first(Value v) { return ((Value.Pair) v).first(); }

    private static Value second(Value v) { return ((Value.Pair) v).second(); }

    private static long num(Value v) { return ((Value.Int) v).value(); }

    private static String str(Value v) { return ((Value.Str) v).value(); }

    private static Value.ListOf list(Value v) { return (Value.ListOf) v; }

    private static Value.MapOf map(Value v) { return (Value.MapOf) v; }

    /** A string a primitive built, refused if it is over the length limit. */
    private static Value string(String s) {
        if (s.length() > MAX_STRING_LENGTH) {
            throw new PrimFailure("string of " + s.length() + " characters is longer than the limit of " + MAX_STRING_LENGTH);
        }
        return Value.of(s);
    }

    private static void checkLength(long length) {
        if (length > MAX_STRING_LENGTH) {
            throw new PrimFailure("string of " + length + " characters is longer than the limit of " + MAX_STRING_LENGTH);
        }
    }

    // Arithmetic.

    static Value add(Value v, Meter m) { return integer(num(first(v)) + num(second(v))); }

    static Value sub(Value v, Meter m) { return integer(num(first(v)) - num(second(v))); }

    static Value mul(Value v, Meter m) { return integer(num(first(v)) * num(second(v))); }

    static Value div(Value v, Meter m) { return integer(num(first(v)) / divisor(second(v))); }

    static Value mod(Value v, Meter m) { return integer(num(first(v)) % divisor(second(v))); }

    static Value neg(Value v, Meter m) { return integer(-num(v)); }

    private static long divisor(Value v) {
        long d = num(v);
        if (d == 0) throw new PrimFailure("division by zero");
        return d;
    }

    // Comparisons: the value order, charged per node and character.

    private static int compare(Value v, Meter m) { return ValueOrder.compare(first(v), second(v), m); }

    static Value eq(Value v, Meter m) { return Value.bool(compare(v, m) == 0); }

    static Value ne(Value v, Meter m) { return Value.bool(compare(v, m) != 0); }

    static Value lt(Value v, Meter m) { return Value.bool(compare(v, m) < 0); }

    static Value le(Value v, Meter m) { return Value.bool(compare(v, m) <= 0); }

    static Value gt(Value v, Meter m) { return Value.bool(compare(v, m) > 0); }

    static Value ge(Value v, Meter m) { return Value.bool(compare(v, m) >= 0); }

    // Strings.

    static Value concat(Value v, Meter m) {
        String a = str(first(v));
        String b = str(second(v));
        long length = (long) a.length() + b.length();
        checkLength(length);
        m.charge(length);
        return Value.of(a.concat(b));
    }

    static Value showInt(Value v, Meter m) {
        String s = Long.toString(num(v));
        m.charge(s.length());
        return Value.of(s);
    }

    static Value length(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        return integer(s.codePointCount(0, s.length()));
    }

    /** The UTF-16 index {@code n} code points after index {@code from} (clamped to the string), charging the units scanned. */
    private static int advanceCodePoints(String s, int from, long n, Meter m) {
        int i = from;
        long k = 0;
        while (i < s.length() && k < n) {
            i += Character.charCount(s.codePointAt(i));
            k++;
        }
        m.charge(i - from);
        return i;
    }

    static Value strSlice(Value v, Meter m) {
        long from = Math.max(0, num(first(v)));
        long to = num(first(second(v)));
        String s = str(second(second(v)));
        if (to <= from) return Value.of("");
        int start = advanceCodePoints(s, 0, from, m);
        int end = advanceCodePoints(s, start, to - from, m);
        return Value.of(s.substring(start, end));
    }

    static Value strSplit(Value v, Meter m) {
        String sep = str(first(v));
        String text = str(second(v));
        List<Value> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            for (int i = 0; i < text.length(); ) {
                int n = Character.charCount(text.codePointAt(i));
                parts.add(Value.of(text.substring(i, i + n)));
                i += n;
            }
            if (text.isEmpty()) parts.add(Value.of(""));
        } else {
            int from = 0;
            for (int at : Kmp.occurrences(sep, text, m)) {
                parts.add(Value.of(text.substring(from, at)));
                from = at + sep.length();
            }
            parts.add(Value.of(text.substring(from)));
        }
        m.charge(text.length() + parts.size());
        return Value.ListOf.of(parts);
    }

    static Value strJoin(Value v, Meter m) {
        String sep = str(first(v));
        Value.ListOf parts = list(second(v));
        long length = 0;
        for (Value p : parts) length += str(p).length() + sep.length();
        length = Math.max(0, length - sep.length());
        checkLength(length);
        m.charge(parts.size() + length);
        StringBuilder b = new StringBuilder((int) length);
        boolean firstPart = true;
        for (Value p : parts) {
            if (!firstPart) b.append(sep);
            firstPart = false;
            b.append(str(p));
        }
        return Value.of(b.toString());
    }

    static Value strContains(Value v, Meter m) {
        String needle = str(first(v));
        String text = str(second(v));
        return Value.bool(Kmp.first(needle, text, m) >= 0);
    }

    static Value strStartsWith(Value v, Meter m) {
        String prefix = str(first(v));
        m.charge(prefix.length());
        return Value.bool(str(second(v)).startsWith(prefix));
    }

    static Value strToUpper(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        return string(s.toUpperCase(Locale.ROOT));
    }

    static Value strToLower(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        return string(s.toLowerCase(Locale.ROOT));
    }

    static Value strTrim(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        return Value.of(s.strip());
    }

    static Value strToInt(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        int start = s.startsWith("-") ? 1 : 0;
        boolean digits = s.length() > start;
        for (int i = start; i < s.length() && digits; i++) digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        if (!digits) return Value.FALSE;
        try {
            return new Value.Inr(integer(Long.parseLong(s)));
        } catch (NumberFormatException e) {
            return Value.FALSE;
        }
    }

    static Value strChars(Value v, Meter m) {
        String s = str(v);
        m.charge(s.length());
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int n = Character.charCount(s.codePointAt(i));
            out.add(Value.of(s.substring(i, i + n)));
            i += n;
        }
        return Value.ListOf.of(out);
    }

    static Value strQuote(Value v, Meter m) {
        String quoted = hotsm.vm.value.ValuePrinter.quote(str(v));
        m.charge(quoted.length());
        return string(quoted);
    }

    // Lists.

    static Value listCons(Value v, Meter m) { return list(second(v)).cons(first(v)); }

    static Value listUncons(Value v, Meter m) {
        Value.ListOf l = list(v);
        return l.isEmpty() ? Value.FALSE : new Value.Inr(new Value.Pair(l.head(), l.tail()));
    }

    static Value listLength(Value v, Meter m) { return integer(list(v).size()); }

    static Value listSort(Value v, Meter m) {
        Value.ListOf l = list(v);
        m.charge(l.size());
        List<Value> elements = l.toList();
        elements.sort((a, b) -> ValueOrder.compare(a, b, m)); // stable (TimSort)
        return Value.ListOf.of(elements);
    }

    static Value listRange(Value v, Meter m) {
        long from = num(first(v));
        long to = num(second(v));
        if (to < from) return Value.NIL;
        long count = to - from + 1;
        if (count <= 0 || count >= Integer.MAX_VALUE) count = Long.MAX_VALUE; // overflowed or beyond any list
        m.charge(count);
        if (count == Long.MAX_VALUE) throw new PrimFailure("range of more than " + Integer.MAX_VALUE + " elements");
        Value.ListOf out = Value.NIL;
        for (long i = to; ; i--) {
            out = out.cons(integer(i));
            if (i == from) return out;
        }
    }

    static Value listAppend(Value v, Meter m) {
        Value.ListOf a = list(first(v));
        Value.ListOf b = list(second(v));
        m.charge(a.size());
        if (a.isEmpty()) return b;
        if ((long) a.size() + b.size() >= Integer.MAX_VALUE) throw new PrimFailure("list too long");
        List<Value> front = a.toList();
        Value.ListOf out = b;
        for (int i = front.size() - 1; i >= 0; i--) out = out.cons(front.get(i));
        return out;
    }

    // Maps.

    static Value mapInsert(Value v, Meter m) {
        Value key = first(v);
        Value value = first(second(v));
        return map(second(second(v))).put(key, value, m);
    }

    static Value mapDelete(Value v, Meter m) { return map(second(v)).remove(first(v), m); }

    static Value mapLookup(Value v, Meter m) {
        Value found = map(second(v)).get(first(v), m);
        return found == null ? Value.FALSE : new Value.Inr(found);
    }

    static Value mapMember(Value v, Meter m) { return Value.bool(map(second(v)).get(first(v), m) != null); }

    static Value mapSize(Value v, Meter m) { return integer(map(v).size()); }

    static Value mapToList(Value v, Meter m) {
        Value.MapOf map = map(v);
        m.charge(map.size());
        return Value.ListOf.of(map.entries());
    }

    static Value mapFromList(Value v, Meter m) {
        Value.ListOf l = list(v);
        m.charge(l.size());
        return Value.MapOf.of(l.toList(), m);
    }
}
