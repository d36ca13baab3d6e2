package hotsm.compiler.syntax;

import java.util.List;

/** A pure expression (LANGUAGE.md §6). */
public sealed interface Expr {
    Position pos();

    record IntLit(long value, Position pos) implements Expr {}

    /** A string literal, already unescaped. */
    record StrLit(String value, Position pos) implements Expr {}

    /** {@code ()}. */
    record Unit(Position pos) implements Expr {}

    /** A lower-case name: a variable, a function, a local arrow. */
    record Var(QualName name, Position pos) implements Expr {}

    /** An upper-case name used as a value: a constructor ({@code Ok}, {@code True}). */
    record Con(QualName name, Position pos) implements Expr {}

    /**
     * Juxtaposition {@code f a1 ... an}, flattened: {@code Total n} is
     * {@code App(Con Total, [n])}. Constructors take as many arguments as they
     * have fields; functions take exactly one (several are a tuple).
     */
    record App(Expr function, List<Expr> args, Position pos) implements Expr {
        public App { args = List.copyOf(args); }
    }

    /** {@code (e1, e2, ...)}, two or more. */
    record Tuple(List<Expr> components, Position pos) implements Expr {
        public Tuple { components = List.copyOf(components); }
    }

    /** {@code l op r}; {@code pos} is the operator's position. */
    record Binary(BinaryOp op, Expr left, Expr right, Position pos) implements Expr {}

    /** Unary minus {@code -e}. */
    record Negate(Expr operand, Position pos) implements Expr {}

    record If(Expr condition, Expr then, Expr otherwise, Position pos) implements Expr {}

    /** {@code let p = e in body}. */
    record Let(Pattern pattern, Expr value, Expr body, Position pos) implements Expr {}

    record Case(Expr scrutinee, List<Alt> alternatives, Position pos) implements Expr {
        public Case { alternatives = List.copyOf(alternatives); }
    }

    /** {@code pattern -> body}. */
    record Alt(Pattern pattern, Expr body, Position pos) {}
}
