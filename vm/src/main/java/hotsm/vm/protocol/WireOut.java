package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Builds a frame body: big-endian integers, length-prefixed UTF-8, values and types (docs/protocol.md). */
final class WireOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    WireOut u8(int b) {
        bytes.write(b);
        return this;
    }

    WireOut u16(int n) {
        return u8(n >>> 8).u8(n);
    }

    WireOut u32(int n) {
        return u8(n >>> 24).u8(n >>> 16).u8(n >>> 8).u8(n);
    }

    WireOut i64(long n) {
        return u32((int) (n >>> 32)).u32((int) n);
    }

    WireOut bool(boolean b) {
        return u8(b ? 1 : 0);
    }

    /** {@code u32 length | bytes}. */
    WireOut bytes(byte[] b) {
        u32(b.length);
        bytes.writeBytes(b);
        return this;
    }

    WireOut string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 raw bytes. */
    WireOut identity(Identity id) {
        bytes.writeBytes(id.bytes());
        return this;
    }

    /**
     * Values in prefix order: 0 unit, 1 int (i64), 2 string, 3 pair (first, second), 4 inl, 5 inr,
     * 6 list (u32 n, the elements), 7 map (u32 n, then key and value of each entry, keys ascending).
     */
    WireOut value(Value root) {
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (v instanceof Value.Unit) {
                u8(0);
            } else if (v instanceof Value.Int n) {
                u8(1).i64(n.value());
            } else if (v instanceof Value.Str s) {
                u8(2).string(s.value());
            } else if (v instanceof Value.Pair p) {
                u8(3);
                todo.push(p.second());
                todo.push(p.first());
            } else if (v instanceof Value.Inl l) {
                u8(4);
                todo.push(l.value());
            } else if (v instanceof Value.Inr r) {
                u8(5);
                todo.push(r.value());
            } else if (v instanceof Value.ListOf list) {
                u8(6).u32(list.size());
                List<Value> elements = list.toList();
                for (int k = elements.size() - 1; k >= 0; k--) todo.push(elements.get(k));
            } else if (v instanceof Value.MapOf map) {
                u8(7).u32(map.size());
                List<Value.Pair> entries = map.entries();
                for (int k = entries.size() - 1; k >= 0; k--) {
                    todo.push(entries.get(k).second());
                    todo.push(entries.get(k).first());
                }
            } else {
                throw new IllegalArgumentException("unknown value " + v);
            }
        }
        return this;
    }

    /**
     * Types: 0 unit, 1 Int, 2 String, 3 tuple (u32 n, components), 4 data (name, args, constructors,
     * each with its name, field types and field names), 5 list (element), 6 map (key, value).
     */
    WireOut type(TypeDesc t) {
        if (t instanceof TypeDesc.Unit) {
            u8(0);
        } else if (t instanceof TypeDesc.Int) {
            u8(1);
        } else if (t instanceof TypeDesc.Str) {
            u8(2);
        } else if (t instanceof TypeDesc.Tuple tuple) {
            u8(3).types(tuple.components());
        } else if (t instanceof TypeDesc.Data d) {
            u8(4).string(d.name()).types(d.arguments()).u32(d.constructors().size());
            for (TypeDesc.Constructor c : d.constructors()) {
                string(c.name()).types(c.fields()).u32(c.fieldNames().size());
                for (String f : c.fieldNames()) string(f);
            }
        } else if (t instanceof TypeDesc.ListOf l) {
            u8(5).type(l.element());
        } else if (t instanceof TypeDesc.MapOf m) {
            u8(6).type(m.key()).type(m.value());
        } else {
            throw new IllegalArgumentException("unknown type " + t);
        }
        return this;
    }

    private WireOut types(List<TypeDesc> ts) {
        u32(ts.size());
        for (TypeDesc t : ts) type(t);
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
