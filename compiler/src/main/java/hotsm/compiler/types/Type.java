package hotsm.compiler.types;

import java.util.List;
import java.util.Objects;

/**
 * A type inside the compiler (Hindley–Milner). Aliases are already expanded.
 * {@code Int}, {@code String}, {@code Bool} and data types are {@link Con}s;
 * {@code ()} and tuples have their own cases.
 *
 * <p>The cases write out {@code equals} and {@code hashCode} (the same
 * components compared, as a record's would): a record's generated ones link
 * through {@code java.lang.runtime.ObjectMethods} and method handles the
 * first time each is called, which was 12 ms of a {@code smc check}'s start
 * (docs/performance.md).
 */
public sealed interface Type {

    /** A type variable; {@code id} is unique within one checking run, {@code hint} is for printing. */
    record Var(int id, String hint) implements Type {
        @Override public boolean equals(Object o) {
            return o instanceof Var v && v.id == id && Objects.equals(v.hint, hint);
        }

        @Override public int hashCode() { return 31 * id + Objects.hashCode(hint); }
    }

    /**
     * A named type applied to arguments. {@code name} is {@code Int},
     * {@code String}, or a data type's qualified name ({@code Prelude.Bool},
     * {@code Counter1.Input}).
     */
    record Con(String name, List<Type> args) implements Type {
        public Con { args = List.copyOf(args); }

        @Override public boolean equals(Object o) {
            return o instanceof Con c && Objects.equals(c.name, name) && Objects.equals(c.args, args);
        }

        @Override public int hashCode() { return 31 * Objects.hashCode(name) + Objects.hashCode(args); }
    }

    record Unit() implements Type {
        @Override public boolean equals(Object o) { return o instanceof Unit; }

        @Override public int hashCode() { return 0; }
    }

    /** Two or more components. */
    record Tuple(List<Type> components) implements Type {
        public Tuple { components = List.copyOf(components); }

        @Override public boolean equals(Object o) {
            return o instanceof Tuple t && Objects.equals(t.components, components);
        }

        @Override public int hashCode() { return Objects.hashCode(components); }
    }

    /** {@code A -> B}: functions and arrows. */
    record Fun(Type from, Type to) implements Type {
        @Override public boolean equals(Object o) {
            return o instanceof Fun f && Objects.equals(f.from, from) && Objects.equals(f.to, to);
        }

        @Override public int hashCode() { return 31 * Objects.hashCode(from) + Objects.hashCode(to); }
    }

    Type UNIT = new Unit();
    Type INT = new Con("Int", List.of());
    Type STRING = new Con("String", List.of());
    /** Bool is declared in the Prelude as {@code data Bool = False | True}. */
    Type BOOL = new Con("Prelude.Bool", List.of());
    /** The built-in list type constructor (LANGUAGE.md §12). */
    String LIST = "List";
    /** The built-in finite map type constructor, ordered keys (LANGUAGE.md §12). */
    String MAP = "Map";

    static Type list(Type element) { return new Con(LIST, List.of(element)); }

    static Type map(Type key, Type value) { return new Con(MAP, List.of(key, value)); }

    /** Whether {@code t} is {@code List a}. */
    static boolean isList(Type t) { return t instanceof Con c && c.name().equals(LIST) && c.args().size() == 1; }

    /** Whether {@code t} is {@code Map k v}. */
    static boolean isMap(Type t) { return t instanceof Con c && c.name().equals(MAP) && c.args().size() == 2; }
}
