package hotsm.vm.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed type with its names: what an artifact declares for a machine's
 * input, output and state, so that values print as {@code Total 2} rather than
 * {@code Inr 2}. Two types are the same across versions when their
 * descriptions are equal (same structure, same data-type and constructor
 * names, whatever module declared them: LANGUAGE.md §4), which is record
 * equality here. Data-type names are bare (no module prefix).
 */
public sealed interface TypeDesc {

    /** The erased representation (LANGUAGE.md §4, normative). */
    Shape erase();

    record Unit() implements TypeDesc {
        @Override public Shape erase() { return Shape.UNIT; }
        @Override public String toString() { return "()"; }
    }

    record Int() implements TypeDesc {
        @Override public Shape erase() { return Shape.INT; }
        @Override public String toString() { return "Int"; }
    }

    record Str() implements TypeDesc {
        @Override public Shape erase() { return Shape.STR; }
        @Override public String toString() { return "String"; }
    }

    /** A tuple of two or more components; erased as right-nested pairs. */
    record Tuple(List<TypeDesc> components) implements TypeDesc {
        public Tuple {
            components = List.copyOf(components);
            if (components.size() < 2) throw new IllegalArgumentException("a tuple has at least two components");
        }
        @Override public Shape erase() { return rightNestedPairs(components); }
        @Override public String toString() {
            List<String> parts = new ArrayList<>();
            for (TypeDesc c : components) parts.add(c.toString());
            return "(" + String.join(", ", parts) + ")";
        }
    }

    /** {@code List a} (LANGUAGE.md §12). */
    record ListOf(TypeDesc element) implements TypeDesc {
        @Override public Shape erase() { return new Shape.ListOf(element.erase()); }
        @Override public String toString() { return "List " + argument(element); }
    }

    /** {@code Map k v} (LANGUAGE.md §12): keys ordered by the value order. */
    record MapOf(TypeDesc key, TypeDesc value) implements TypeDesc {
        @Override public Shape erase() { return new Shape.MapOf(key.erase(), value.erase()); }
        @Override public String toString() { return "Map " + argument(key) + " " + argument(value); }
    }

    /**
     * One constructor of a data type, its field types already instantiated.
     * A record constructor (LANGUAGE.md §14) also names its fields: {@code fieldNames}
     * is then as long as {@code fields}; for a positional constructor it is empty.
     * Field names are part of the type: they print, they are hashed into
     * identities and they take part in "same type across versions".
     */
    record Constructor(String name, List<TypeDesc> fields, List<String> fieldNames) {
        public Constructor {
            fields = List.copyOf(fields);
            fieldNames = List.copyOf(fieldNames);
            if (!fieldNames.isEmpty() && fieldNames.size() != fields.size()) {
                throw new IllegalArgumentException("constructor " + name + " has " + fields.size() + " fields but "
                        + fieldNames.size() + " field names");
            }
        }

        /** A positional constructor (no field names). */
        public Constructor(String name, List<TypeDesc> fields) { this(name, fields, List.of()); }

        /** Whether it names its fields ({@code Account { balance : Int }}). */
        public boolean isRecord() { return !fieldNames.isEmpty(); }

        /** Fields as right-nested pairs; no fields is {@code ()}, one field is that field. */
        public Shape erase() { return rightNestedPairs(fields); }
    }

    /**
     * A data type applied to its arguments ({@code Maybe Int}), with its
     * constructors' fields instantiated. One constructor: its fields; two or
     * more: the right-nested sum of their erasures.
     */
    record Data(String name, List<TypeDesc> arguments, List<Constructor> constructors) implements TypeDesc {
        public Data {
            arguments = List.copyOf(arguments);
            constructors = List.copyOf(constructors);
            if (constructors.isEmpty()) throw new IllegalArgumentException("data type " + name + " has no constructors");
        }
        @Override public Shape erase() {
            Shape s = constructors.get(constructors.size() - 1).erase();
            if (constructors.size() == 1) return s;
            for (int i = constructors.size() - 2; i >= 0; i--) s = new Shape.Sum(constructors.get(i).erase(), s);
            return s;
        }
        @Override public String toString() {
            if (arguments.isEmpty()) return name;
            StringBuilder b = new StringBuilder(name);
            for (TypeDesc a : arguments) {
                b.append(' ').append(argument(a));
            }
            return b.toString();
        }
    }

    TypeDesc UNIT = new Unit();
    TypeDesc INT = new Int();
    TypeDesc STR = new Str();
    TypeDesc BOOL = new Data("Bool", List.of(),
            List.of(new Constructor("False", List.of()), new Constructor("True", List.of())));

    /** A type as an argument of a type constructor ({@code Maybe (List Int)}): parenthesised unless atomic. */
    static String argument(TypeDesc t) {
        boolean applied = t instanceof Data d && !d.arguments().isEmpty() || t instanceof ListOf || t instanceof MapOf;
        return applied ? "(" + t + ")" : t.toString();
    }

    /** {@code [a, b, c]} as {@code (a, (b, c))}; {@code []} as {@code ()}. */
    static Shape rightNestedPairs(List<TypeDesc> parts) {
        if (parts.isEmpty()) return Shape.UNIT;
        Shape s = parts.get(parts.size() - 1).erase();
        for (int i = parts.size() - 2; i >= 0; i--) s = new Shape.Pair(parts.get(i).erase(), s);
        return s;
    }
}
