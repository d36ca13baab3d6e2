package hotsm.vm.value;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a value in source syntax against its type: the inverse of
 * {@link ValuePrinter}. Tolerates spaces, redundant parentheses, {@code -3}
 * and {@code (-3)}, qualified constructors ({@code Counter1.Incr}), a flat
 * tuple for a right-nested tuple type ({@code (1, 2, 3)} for {@code (Int, (Int, Int))}),
 * record constructors with named fields in any order or positionally, and
 * {@code Map.fromList} with keys in any order (a later duplicate wins).
 * Long lists are checked in a loop; recursion follows the type only.
 */
public final class ValueParser {
    private final String text;

    private ValueParser(String text) { this.text = text; }

    /**
     * @throws ValueSyntaxException naming the 0-based column and what was expected
     */
    public static Value parse(TypeDesc type, String text) {
        ValueParser p = new ValueParser(text);
        return p.check(type, ValueReader.read(text));
    }

    private Value check(TypeDesc type, ValueSyntax v) {
        if (type instanceof TypeDesc.Unit) {
            if (v instanceof ValueSyntax.UnitLit) return Value.UNIT;
        } else if (type instanceof TypeDesc.Int) {
            if (v instanceof ValueSyntax.IntLit i) return Value.of(i.value());
        } else if (type instanceof TypeDesc.Str) {
            if (v instanceof ValueSyntax.StrLit s) return Value.of(s.value());
        } else if (type instanceof TypeDesc.Tuple t) {
            if (v instanceof ValueSyntax.TupleLit tuple) return checkTuple(t, tuple);
        } else if (type instanceof TypeDesc.Data d) {
            if (v instanceof ValueSyntax.CtorApp c) return checkData(d, c);
            if (v instanceof ValueSyntax.RecordLit r) return checkRecord(d, r);
        } else if (type instanceof TypeDesc.ListOf l) {
            if (v instanceof ValueSyntax.ListLit list) {
                List<ValueSyntax> elements = list.elements();
                Value.ListOf out = Value.NIL;
                for (int i = elements.size() - 1; i >= 0; i--) out = out.cons(check(l.element(), elements.get(i)));
                return out;
            }
        } else if (type instanceof TypeDesc.MapOf m) {
            if (v instanceof ValueSyntax.MapLit map) {
                TypeDesc entry = new TypeDesc.Tuple(List.of(m.key(), m.value()));
                List<Value> entries = new ArrayList<>(map.entries().size());
                for (ValueSyntax e : map.entries()) entries.add(check(entry, e));
                return Value.MapOf.of(entries, Meter.FREE);
            }
        }
        throw mismatch(type, v);
    }

    /** {@code Account { balance = 3, frozen = False }}: every field once, in any order. */
    private Value checkRecord(TypeDesc.Data type, ValueSyntax.RecordLit record) {
        int index = constructorIndex(type, record.name(), record);
        TypeDesc.Constructor c = type.constructors().get(index);
        if (!c.isRecord()) {
            throw new ValueSyntaxException(record.start(), c.name() + " has no named fields; write its fields in order: '"
                    + TypeText.constructor(c) + "'");
        }
        ValueSyntax[] parts = new ValueSyntax[c.fields().size()];
        for (ValueSyntax.Field f : record.fields()) {
            int k = c.fieldNames().indexOf(f.name());
            if (k < 0) {
                throw new ValueSyntaxException(f.start(), c.name() + " has no field '" + f.name() + "' (its fields: "
                        + String.join(", ", c.fieldNames()) + ")");
            }
            if (parts[k] != null) throw new ValueSyntaxException(f.start(), "field '" + f.name() + "' given twice");
            parts[k] = f.value();
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) {
                throw new ValueSyntaxException(record.start(), c.name() + " is missing its field '" + c.fieldNames().get(k) + "'");
            }
        }
        Value v = parts.length == 0 ? Value.UNIT : fields(c.fields(), List.of(parts));
        return inject(type, index, v);
    }

    private Value checkTuple(TypeDesc.Tuple type, ValueSyntax.TupleLit tuple) {
        List<TypeDesc> types = type.components();
        List<ValueSyntax> parts = tuple.components();
        int n = types.size();
        if (parts.size() > n && types.get(n - 1) instanceof TypeDesc.Tuple) {
            // (1, 2, 3) against (Int, (Int, Int)): the tail is the last component.
            List<ValueSyntax> tail = parts.subList(n - 1, parts.size());
            List<ValueSyntax> regrouped = new ArrayList<>(parts.subList(0, n - 1));
            regrouped.add(new ValueSyntax.TupleLit(tail.get(0).start(), tuple.end(), tail));
            parts = regrouped;
        } else if (parts.size() < n && parts.get(parts.size() - 1) instanceof ValueSyntax.TupleLit last) {
            // (1, (2, 3)) against (Int, Int, Int): the same right-nested pairs.
            List<ValueSyntax> flat = new ArrayList<>(parts.subList(0, parts.size() - 1));
            flat.addAll(last.components());
            parts = flat;
        }
        if (parts.size() != n) {
            throw new ValueSyntaxException(tuple.start(), "expected a value of type " + describe(type)
                    + " (" + n + " components), found " + parts.size() + " components: '" + found(tuple) + "'");
        }
        return fields(types, parts);
    }

    private int constructorIndex(TypeDesc.Data type, String name, ValueSyntax written) {
        List<TypeDesc.Constructor> ctors = type.constructors();
        for (int i = 0; i < ctors.size(); i++) {
            if (ctors.get(i).name().equals(name)) return i;
        }
        String suggestion = closest(name, ctors);
        if (suggestion != null) {
            throw new ValueSyntaxException(written.start(), "unknown constructor '" + name + "' of type "
                    + type + "; did you mean '" + suggestion + "'?");
        }
        throw mismatch(type, written);
    }

    private Value checkData(TypeDesc.Data type, ValueSyntax.CtorApp app) {
        List<TypeDesc.Constructor> ctors = type.constructors();
        int index = constructorIndex(type, app.name(), app);
        TypeDesc.Constructor c = ctors.get(index);
        int arity = c.fields().size();
        if (app.arguments().size() != arity) {
            String takes = arity == 0 ? "no arguments" : arity == 1 ? "1 argument" : arity + " arguments";
            throw new ValueSyntaxException(app.start(), c.name() + " takes " + takes
                    + ", but was given " + app.arguments().size() + " in '" + found(app) + "'");
        }
        Value v = arity == 0 ? Value.UNIT : fields(c.fields(), app.arguments());
        return inject(type, index, v);
    }

    /** Constructor {@code index}'s fields as a value of the data type. */
    private static Value inject(TypeDesc.Data type, int index, Value v) {
        List<TypeDesc.Constructor> ctors = type.constructors();
        if (ctors.size() == 1) return v;
        // Constructor i of n: Inr^i (Inl fields), the last one Inr^(n-1) fields.
        if (index < ctors.size() - 1) v = new Value.Inl(v);
        for (int i = 0; i < index; i++) v = new Value.Inr(v);
        return v;
    }

    /** Right-nested pairs of the checked parts. */
    private Value fields(List<TypeDesc> types, List<ValueSyntax> parts) {
        int last = types.size() - 1;
        Value v = check(types.get(last), parts.get(last));
        for (int i = last - 1; i >= 0; i--) v = new Value.Pair(check(types.get(i), parts.get(i)), v);
        return v;
    }

    private ValueSyntaxException mismatch(TypeDesc type, ValueSyntax v) {
        return new ValueSyntaxException(v.start(), "expected a value of type " + describe(type) + ", found '" + found(v) + "'");
    }

    /** What the user wrote there, at most 40 characters, control characters escaped. */
    private String found(ValueSyntax v) {
        String s = text.substring(v.start(), v.end());
        return ValuePrinter.escapeControls(s.length() > 40 ? s.substring(0, 37) + "..." : s);
    }

    static String describe(TypeDesc type) {
        return TypeText.inline(type);
    }

    /** The constructor within edit distance 2 (or equal ignoring case), if exactly one is closest. */
    private static String closest(String name, List<TypeDesc.Constructor> ctors) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TypeDesc.Constructor c : ctors) {
            int d = c.name().equalsIgnoreCase(name) ? 0 : editDistance(name, c.name());
            if (d < bestDistance) {
                best = c.name();
                bestDistance = d;
            }
        }
        int allowed = Math.min(2, Math.max(1, name.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
