package hotsm.vm.bytecode;

import java.util.List;

/**
 * A type in a primitive's signature as the source language sees it
 * ({@code (k, Map k v) -> Maybe v}), for a type checker that gives the
 * primitives their types from {@link PrimOp}'s table: type variables
 * (fresh at each use), {@code ()}, the named types {@code Int},
 * {@code String}, {@code Bool}, {@code Maybe a}, {@code List a},
 * {@code Map k v}, tuples, and erased sums {@code a + b} (only in
 * primitives the language reaches through pattern matching, such as
 * {@code LIST_UNCONS}).
 */
public sealed interface SigType {

    /** A type variable: {@code a}, {@code k}. */
    record Var(String name) implements SigType {
        @Override public String toString() { return name; }
    }

    /** {@code ()}. */
    record Unit() implements SigType {
        @Override public String toString() { return "()"; }
    }

    /** {@code Int}, {@code String}, {@code Bool}, {@code Maybe a}, {@code List a}, {@code Map k v}. */
    record Named(String name, List<SigType> arguments) implements SigType {
        public Named { arguments = List.copyOf(arguments); }
    }

    /** A tuple of two or more components (right-nested pairs once erased). */
    record Tuple(List<SigType> components) implements SigType {
        public Tuple { components = List.copyOf(components); }
    }

    /** An erased sum {@code a + b}. */
    record Sum(SigType left, SigType right) implements SigType {}
}
