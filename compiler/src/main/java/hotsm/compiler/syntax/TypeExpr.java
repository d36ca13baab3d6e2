package hotsm.compiler.syntax;

import java.util.List;

/** A type as written in source. */
public sealed interface TypeExpr {
    Position pos();

    /** {@code Int}, {@code Maybe a}, {@code C.Input}: a named type applied to arguments. */
    record Con(QualName name, List<TypeExpr> args, Position pos) implements TypeExpr {
        public Con { args = List.copyOf(args); }
    }

    /** A type parameter, {@code a}. */
    record Var(String name, Position pos) implements TypeExpr {}

    /** {@code ()}. */
    record Unit(Position pos) implements TypeExpr {}

    /** {@code (A, B, ...)}, two or more components. */
    record Tuple(List<TypeExpr> components, Position pos) implements TypeExpr {
        public Tuple { components = List.copyOf(components); }
    }

    /** {@code A -> B}, in signatures. */
    record Fun(TypeExpr from, TypeExpr to, Position pos) implements TypeExpr {}
}
