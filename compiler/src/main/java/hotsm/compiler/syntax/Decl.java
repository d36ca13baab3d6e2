package hotsm.compiler.syntax;

import java.util.List;
import java.util.Optional;

/** A top-level declaration, or a local one in a machine's {@code where}. */
public sealed interface Decl {
    Position pos();

    /** {@code data Name a b = C1 | C2 T | ...}. */
    record Data(String name, List<String> params, List<ConDecl> constructors, Position pos) implements Decl {
        public Data {
            params = List.copyOf(params);
            constructors = List.copyOf(constructors);
        }
    }

    /**
     * {@code C T1 T2}, or the record {@code C { f1 : T1, f2 : T2 }} ({@code fieldNames}
     * then names each field; empty for a positional constructor).
     */
    record ConDecl(String name, List<TypeExpr> fields, List<String> fieldNames, Position pos) {
        public ConDecl {
            fields = List.copyOf(fields);
            fieldNames = List.copyOf(fieldNames);
        }

        public ConDecl(String name, List<TypeExpr> fields, Position pos) { this(name, fields, List.of(), pos); }

        public boolean isRecord() { return !fieldNames.isEmpty(); }
    }

    /** {@code type Name a = T}. */
    record TypeAlias(String name, List<String> params, TypeExpr type, Position pos) implements Decl {
        public TypeAlias { params = List.copyOf(params); }
    }

    /** {@code name : Type}. */
    record Signature(String name, TypeExpr type, Position pos) implements Decl {}

    /**
     * {@code f p = e} (a function of one parameter) or {@code c = e} (a
     * constant, {@code parameter} empty).
     */
    record Function(String name, Optional<Pattern> parameter, Expr body, Position pos) implements Decl {}

    /** {@code a = proc p -> cmd}: a named arrow. */
    record Arrow(String name, Proc proc, Position pos) implements Decl {}

    /**
     * {@code machine name : Input -> Output}, its {@code state T = e}, its
     * step {@code proc ...} and its {@code where} block (functions, arrows and
     * signatures that may use {@code get}/{@code put}).
     */
    record Machine(String name, TypeExpr input, TypeExpr output,
                   TypeExpr stateType, Expr initialState, Proc step,
                   List<Decl> where, Position pos) implements Decl {
        public Machine { where = List.copyOf(where); }
    }

    enum Direction { UPGRADE, DOWNGRADE }

    /**
     * {@code upgrade Old -> New} or {@code downgrade New -> Old} with its
     * optional {@code state}, {@code input} and {@code output} clauses.
     */
    record Upgrade(Direction direction, QualName from, QualName to,
                   Optional<Proc> state, Optional<Proc> input, Optional<Proc> output,
                   Position pos) implements Decl {}
}
