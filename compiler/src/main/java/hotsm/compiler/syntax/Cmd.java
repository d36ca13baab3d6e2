package hotsm.compiler.syntax;

import java.util.List;

/** A command of arrow notation (LANGUAGE.md §7). */
public sealed interface Cmd {
    Position pos();

    /**
     * {@code f -< e}: feed {@code e} to the named arrow {@code f} ({@code get},
     * {@code put}, {@code returnA}, a function or a local arrow).
     */
    record Feed(QualName arrow, Expr input, Position pos) implements Cmd {}

    /** {@code do { stmt; ...; cmd }}; the last item is a command. */
    record Do(List<Stmt> statements, Cmd last, Position pos) implements Cmd {
        public Do { statements = List.copyOf(statements); }
    }

    record Case(Expr scrutinee, List<Alt> alternatives, Position pos) implements Cmd {
        public Case { alternatives = List.copyOf(alternatives); }
    }

    record If(Expr condition, Cmd then, Cmd otherwise, Position pos) implements Cmd {}

    /** {@code pattern -> cmd}. */
    record Alt(Pattern pattern, Cmd body, Position pos) {}

    /** A statement of a {@code do} block. */
    sealed interface Stmt {
        Position pos();
    }

    /** {@code p <- cmd}. */
    record Bind(Pattern pattern, Cmd cmd, Position pos) implements Stmt {}

    /** {@code cmd} whose result is dropped. */
    record Exec(Cmd cmd, Position pos) implements Stmt {}

    /** {@code let p = e}. */
    record LetStmt(Pattern pattern, Expr value, Position pos) implements Stmt {}
}
