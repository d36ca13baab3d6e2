package hotsm.compiler.desugar;

import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.syntax.Position;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import java.util.List;

/** Terse constructors for hand-built checked programs. */
final class TypedTrees {
    private TypedTrees() {}

    static final Position P = new Position("test.sm", 1, 1);
    static final Type INT = Type.INT;
    static final Type BOOL = Type.BOOL;
    static final Type UNIT = Type.UNIT;

    static final DataType BOOL_DATA = new DataType("Prelude.Bool", "Bool", List.of(),
            List.of(new DataType.Constructor("False", List.of()), new DataType.Constructor("True", List.of())));
    static final Type.Var A = new Type.Var(100, "a");
    static final DataType MAYBE = new DataType("Prelude.Maybe", "Maybe", List.of(A),
            List.of(new DataType.Constructor("Nothing", List.of()), new DataType.Constructor("Just", List.of(A))));

    static Type con(String name, Type... args) { return new Type.Con(name, List.of(args)); }

    static Type tuple(Type... ts) { return new Type.Tuple(List.of(ts)); }

    static Typed.Expr lit(long n) { return new Typed.IntLit(n, INT, P); }

    static Typed.Expr str(String s) { return new Typed.StrLit(s, Type.STRING, P); }

    static Typed.Expr unit() { return new Typed.UnitLit(UNIT, P); }

    static Typed.Expr var(String name, Type t) { return new Typed.Local(name, t, P); }

    static Typed.Expr make(String data, int index, Type t, Typed.Expr... args) {
        return new Typed.Construct(data, index, List.of(args), t, P);
    }

    static Typed.Expr bool(boolean b) { return make("Prelude.Bool", b ? 1 : 0, BOOL); }

    static Typed.Expr tup(Type t, Typed.Expr... es) { return new Typed.Tuple(List.of(es), t, P); }

    static Typed.Expr bin(BinaryOp op, Typed.Expr l, Typed.Expr r, Type result) {
        return new Typed.Binary(op, l, r, l.type(), result, P);
    }

    static Typed.Expr ifE(Typed.Expr c, Typed.Expr t, Typed.Expr e) { return new Typed.If(c, t, e, t.type(), P); }

    static Typed.Expr caseE(Typed.Expr s, Type t, Typed.Alt... alts) { return new Typed.Case(s, List.of(alts), t, P); }

    static Typed.Alt alt(Typed.Pattern p, Typed.Expr body) { return new Typed.Alt(p, body); }

    static Typed.Pattern pvar(String name, Type t) { return new Typed.PVar(name, t, P); }

    static Typed.Pattern wild(Type t) { return new Typed.PWild(t, P); }

    static Typed.Pattern pint(long n) { return new Typed.PInt(n, INT, P); }

    static Typed.Pattern pcon(String data, int index, Type t, Typed.Pattern... args) {
        return new Typed.PCon(data, index, List.of(args), t, P);
    }

    static Typed.Pattern ptup(Type t, Typed.Pattern... ps) { return new Typed.PTuple(List.of(ps), t, P); }

    static Typed.Cmd feed(Typed.ArrowRef a, Typed.Expr e, Type t) { return new Typed.Feed(a, e, t, P); }

    static Typed.Cmd get(Type s) { return feed(new Typed.GetArrow(), unit(), s); }

    static Typed.Cmd put(Typed.Expr e) { return feed(new Typed.PutArrow(), e, UNIT); }

    static Typed.Cmd ret(Typed.Expr e) { return feed(new Typed.ReturnA(), e, e.type()); }

    static Typed.Cmd doC(Typed.Cmd last, Typed.Stmt... stmts) { return new Typed.Do(List.of(stmts), last, last.type(), P); }

    static Typed.Stmt bind(Typed.Pattern p, Typed.Cmd c) { return new Typed.Bind(p, c); }

    static Typed.Stmt exec(Typed.Cmd c) { return new Typed.Exec(c); }

    static Typed.Proc proc(Typed.Pattern p, Typed.Cmd body) {
        return new Typed.Proc(p, body, new Type.Fun(p.type(), body.type()), P);
    }
}
