package hotsm.compiler.syntax;

import java.util.List;

/** A pattern: in {@code proc}, {@code <-}, {@code let}, function parameters and {@code case}. */
public sealed interface Pattern {
    Position pos();

    /** {@code _}. */
    record Wild(Position pos) implements Pattern {}

    /** {@code x}: binds a variable. */
    record Var(String name, Position pos) implements Pattern {}

    /** An integer literal, possibly negative ({@code -1}). */
    record IntLit(long value, Position pos) implements Pattern {}

    /** A string literal (already unescaped). */
    record StrLit(String value, Position pos) implements Pattern {}

    /** {@code ()}. */
    record Unit(Position pos) implements Pattern {}

    /** {@code (p1, p2, ...)}, two or more. */
    record Tuple(List<Pattern> components, Position pos) implements Pattern {
        public Tuple { components = List.copyOf(components); }
    }

    /** {@code C p1 ... pn}; also {@code True}, {@code Nothing}. */
    record Con(QualName constructor, List<Pattern> args, Position pos) implements Pattern {
        public Con { args = List.copyOf(args); }
    }

    /** {@code [p1, ..., pn]}: a list of exactly n elements. */
    record ListPat(List<Pattern> elements, Position pos) implements Pattern {
        public ListPat { elements = List.copyOf(elements); }
    }

    /** {@code p :: ps}: a non-empty list. */
    record Cons(Pattern head, Pattern tail, Position pos) implements Pattern {}

    /** {@code C { f = p, ... }}: the fields named, the others anything. */
    record Record(QualName constructor, List<FieldPat> fields, Position pos) implements Pattern {
        public Record { fields = List.copyOf(fields); }
    }

    /** {@code f = p} in a record pattern. */
    record FieldPat(String name, Pattern pattern, Position pos) {}
}
