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

    /** {@code [e1, ..., en]}, possibly empty (LANGUAGE.md §12). */
    record ListLit(List<Expr> elements, Position pos) implements Expr {
        public ListLit { elements = List.copyOf(elements); }
    }

    /** {@code head :: tail}; {@code pos} is the operator's position. */
    record Cons(Expr head, Expr tail, Position pos) implements Expr {}

    /** {@code \p -> body}: only as a function's argument (LANGUAGE.md §13). */
    record Lambda(Pattern parameter, Expr body, Position pos) implements Expr {}

    /** {@code e.f}; {@code pos} is the field's position (the dot). */
    record Field(Expr record, String field, Position pos) implements Expr {}

    /** {@code C { f = e, ... }}: construction of a record, every field named once (LANGUAGE.md §14). */
    record RecordCon(QualName constructor, List<FieldBind> fields, Position pos) implements Expr {
        public RecordCon { fields = List.copyOf(fields); }
    }

    /** {@code e { f = e', ... }}: a copy of the record {@code e} with new values for the fields named. */
    record RecordUpdate(Expr record, List<FieldBind> fields, Position pos) implements Expr {
        public RecordUpdate { fields = List.copyOf(fields); }
    }

    /** {@code f = e} in a record construction or update. */
    record FieldBind(String name, Expr value, Position pos) {}
}
