package hotsm.compiler.types;

import java.util.List;

/**
 * A type inside the compiler (Hindley–Milner). Aliases are already expanded.
 * {@code Int}, {@code String}, {@code Bool} and data types are {@link Con}s;
 * {@code ()} and tuples have their own cases.
 */
public sealed interface Type {

    /** A type variable; {@code id} is unique within one checking run, {@code hint} is for printing. */
    record Var(int id, String hint) implements Type {}

    /**
     * A named type applied to arguments. {@code name} is {@code Int},
     * {@code String}, or a data type's qualified name ({@code Prelude.Bool},
     * {@code Counter1.Input}).
     */
    record Con(String name, List<Type> args) implements Type {
        public Con { args = List.copyOf(args); }
    }

    record Unit() implements Type {}

    /** Two or more components. */
    record Tuple(List<Type> components) implements Type {
        public Tuple { components = List.copyOf(components); }
    }

    /** {@code A -> B}: functions and arrows. */
    record Fun(Type from, Type to) implements Type {}

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
