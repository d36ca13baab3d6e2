package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads a frame body written by {@link WireOut}. Every read is bounds-checked
 * and every failure is a {@link ProtocolException} naming the offset, so
 * garbage from a client is an error message, never a crash.
 */
final class WireIn {
    private final byte[] bytes;
    private int pos;

    WireIn(byte[] bytes) {
        this.bytes = bytes;
    }

    /** How many bytes have been read. */
    int position() { return pos; }

    /** Skips {@code n} bytes already known (a cached type's encoding). */
    void skip(int n, String what) throws ProtocolException {
        need(n, what);
        pos += n;
    }

    private void need(int n, String what) throws ProtocolException {
        if (n < 0 || bytes.length - pos < n) {
            throw new ProtocolException("truncated " + what + " at offset " + pos + " (body has " + bytes.length
                    + " bytes)");
        }
    }

    int u8(String what) throws ProtocolException {
        need(1, what);
        return bytes[pos++] & 0xFF;
    }

    int u16(String what) throws ProtocolException {
        need(2, what);
        return (u8(what) << 8) | u8(what);
    }

    int u32(String what) throws ProtocolException {
        need(4, what);
        return (u8(what) << 24) | (u8(what) << 16) | (u8(what) << 8) | u8(what);
    }

    long i64(String what) throws ProtocolException {
        need(8, what);
        return ((long) u32(what) << 32) | (u32(what) & 0xFFFFFFFFL);
    }

    boolean bool(String what) throws ProtocolException {
        int b = u8(what);
        if (b > 1) throw new ProtocolException(what + " at offset " + (pos - 1) + " must be 0 or 1, got " + b);
        return b == 1;
    }

    byte[] bytes(String what) throws ProtocolException {
        int n = u32(what + " length");
        need(n, what);
        byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return b;
    }

    String string(String what) throws ProtocolException {
        int start = pos;
        byte[] b = bytes(what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(what + " at offset " + start + " is not UTF-8");
        }
    }

    Identity identity(String what) throws ProtocolException {
        need(32, what);
        Identity id = new Identity(Arrays.copyOfRange(bytes, pos, pos + 32));
        pos += 32;
        return id;
    }

    /** A count of items that each take at least one byte: no more than the bytes left. */
    private int count(String what) throws ProtocolException {
        int n = u32(what);
        if (n < 0 || n > bytes.length - pos) {
            throw new ProtocolException(what + " " + Integer.toUnsignedString(n) + " at offset " + (pos - 4)
                    + " exceeds the bytes left");
        }
        return n;
    }

    /**
     * Tags in prefix order (see {@link WireOut#value}); iterative, with a
     * depth limit; a list's or map's count is checked against the bytes left,
     * and a map's keys must be strictly ascending.
     */
    Value value() throws ProtocolException {
        Value simple = scalarInSums();
        if (simple != null) return simple;
        final class Open {
            final int tag;
            final int parts;
            final List<Value> read;
            Open(int tag, int parts) {
                this.tag = tag;
                this.parts = parts;
                this.read = new ArrayList<>(Math.min(parts, 1024));
            }
        }
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            int at = pos;
            int tag = u8("value tag");
            Value v;
            switch (tag) {
                case 0 -> v = Value.UNIT;
                case 1 -> v = Value.of(i64("Int value"));
                case 2 -> v = Value.of(string("String value"));
                case 3, 4, 5, 6, 7 -> {
                    if (open.size() >= Wire.MAX_DEPTH) {
                        throw new ProtocolException("value nests deeper than " + Wire.MAX_DEPTH + " at offset " + at);
                    }
                    int parts = tag == 3 ? 2 : tag < 6 ? 1 : count(tag == 6 ? "list length" : "map size");
                    if (tag == 7 && 2L * parts > bytes.length - pos) {
                        throw new ProtocolException("map size " + parts + " at offset " + (pos - 4) + " exceeds the bytes left");
                    }
                    if (tag == 7) parts *= 2;
                    if (parts > 0) {
                        open.push(new Open(tag, parts));
                        continue;
                    }
                    v = tag == 6 ? Value.NIL : Value.EMPTY_MAP;
                }
                default -> throw new ProtocolException("unknown value tag " + tag + " at offset " + at);
            }
            while (true) {
                Open top = open.peek();
                if (top == null) return v;
                top.read.add(v);
                if (top.read.size() < top.parts) break;
                open.pop();
                List<Value> r = top.read;
                switch (top.tag) {
                    case 3 -> v = new Value.Pair(r.get(0), r.get(1));
                    case 4 -> v = new Value.Inl(r.get(0));
                    case 5 -> v = new Value.Inr(r.get(0));
                    case 6 -> v = Value.ListOf.of(r);
                    default -> {
                        List<Value.Pair> entries = new ArrayList<>(r.size() / 2);
                        for (int i = 0; i < r.size(); i += 2) entries.add(new Value.Pair(r.get(i), r.get(i + 1)));
                        try {
                            v = Value.MapOf.ofAscending(entries);
                        } catch (IllegalArgumentException e) {
                            throw new ProtocolException("bad map value before offset " + pos + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    /** How many {@code Inl}/{@code Inr} a value may wrap around its scalar to be read by {@link #scalarInSums}. */
    private static final int SIMPLE_SUMS = 8;

    /**
     * A value that is a Unit or an Int inside at most {@link #SIMPLE_SUMS}
     * {@code Inl}/{@code Inr} (most steps' inputs and outputs: {@code Incr},
     * {@code Ok}, {@code Total n}), read without the general reader's stack;
     * null, having read nothing, for any other value or a truncated one (the
     * general reader then reads it and names what is wrong).
     */
    private Value scalarInSums() throws ProtocolException {
        int start = pos;
        int at = start;
        while (at < bytes.length && at - start < SIMPLE_SUMS && (bytes[at] == 4 || bytes[at] == 5)) at++;
        if (at >= bytes.length) return null;
        Value v;
        if (bytes[at] == 0) {
            v = Value.UNIT;
            pos = at + 1;
        } else if (bytes[at] == 1 && bytes.length - at > 8) {
            pos = at + 1;
            v = Value.of(i64("Int value"));
        } else {
            return null;
        }
        for (int i = at - 1; i >= start; i--) v = bytes[i] == 4 ? new Value.Inl(v) : new Value.Inr(v);
        return v;
    }

    TypeDesc type() throws ProtocolException {
        return type(0);
    }

    private TypeDesc type(int depth) throws ProtocolException {
        if (depth > 200) throw new ProtocolException("type nests deeper than 200 at offset " + pos);
        int at = pos;
        int tag = u8("type tag");
        try {
            switch (tag) {
                case 0: return TypeDesc.UNIT;
                case 1: return TypeDesc.INT;
                case 2: return TypeDesc.STR;
                case 3: return new TypeDesc.Tuple(types(depth));
                case 4: {
                    String name = string("data type name");
                    List<TypeDesc> args = types(depth);
                    int n = count("constructor count");
                    List<TypeDesc.Constructor> cs = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        String ctor = string("constructor name");
                        List<TypeDesc> fields = types(depth);
                        int names = count("field name count");
                        List<String> fieldNames = new ArrayList<>();
                        for (int k = 0; k < names; k++) fieldNames.add(string("field name"));
                        cs.add(new TypeDesc.Constructor(ctor, fields, fieldNames));
                    }
                    return new TypeDesc.Data(name, args, cs);
                }
                case 5: return new TypeDesc.ListOf(type(depth + 1));
                case 6: {
                    TypeDesc key = type(depth + 1);
                    return new TypeDesc.MapOf(key, type(depth + 1));
                }
                default: throw new ProtocolException("unknown type tag " + tag + " at offset " + at);
            }
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("bad type at offset " + at + ": " + e.getMessage());
        }
    }

    private List<TypeDesc> types(int depth) throws ProtocolException {
        int n = count("type count");
        List<TypeDesc> ts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) ts.add(type(depth + 1));
        return ts;
    }

    /** @throws ProtocolException if bytes are left over */
    void end(String what) throws ProtocolException {
        if (pos != bytes.length) {
            throw new ProtocolException(what + " has " + (bytes.length - pos) + " unexpected bytes at offset " + pos);
        }
    }
}
