package hotsm.compiler.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a checked tree with the final types: every binding of the
 * substitution applied; a variable nothing determined becomes {@code ()}
 * unless it is one of {@code keep} (the type parameters of the enclosing
 * polymorphic function). After this the desugarer sees no inference variables.
 */
final class Zonker {
    private final Unifier u;
    private final Set<Integer> keep;

    Zonker(Unifier u, Set<Integer> keep) {
        this.u = u;
        this.keep = keep;
    }

    Type type(Type t) { return close(u.zonk(t)); }

    private Type close(Type t) { return closer.visit(t); }

    /** A zonked type with every variable not in {@code keep} made {@code ()}. */
    private final TypeVisitor<Type> closer = new TypeVisitor<>() {
        @Override public Type visitVar(Type.Var v) { return keep.contains(v.id()) ? v : Type.UNIT; }

        @Override public Type visitCon(Type.Con c) { return c.args().isEmpty() ? c : new Type.Con(c.name(), types(c.args())); }

        @Override public Type visitUnit(Type.Unit u) { return u; }

        @Override public Type visitTuple(Type.Tuple tu) { return new Type.Tuple(types(tu.components())); }

        @Override public Type visitFun(Type.Fun f) { return new Type.Fun(close(f.from()), close(f.to())); }
    };

    private List<Type> types(List<Type> ts) {
        List<Type> out = new ArrayList<>();
        for (Type t : ts) out.add(close(t));
        return out;
    }

    private List<Type> typeArgs(List<Type> ts) {
        List<Type> out = new ArrayList<>();
        for (Type t : ts) out.add(type(t));
        return out;
    }

    Typed.Function function(Typed.Function f) {
        return new Typed.Function(f.qualifiedName(), f.typeParams(), f.parameter() == null ? null : pattern(f.parameter()),
                f.body() == null ? null : expr(f.body()), f.proc() == null ? null : proc(f.proc()), type(f.type()), f.pos());
    }

    Typed.Proc proc(Typed.Proc p) { return new Typed.Proc(pattern(p.parameter()), cmd(p.body()), type(p.type()), p.pos()); }

    Typed.Expr expr(Typed.Expr e) { return new ExprZonker(type(e.type())).visit(e); }

    /** Rebuilds one expression node whose own type, zonked, is {@code t}. */
    private final class ExprZonker implements TypedExprVisitor<Typed.Expr> {
        private final Type t;

        ExprZonker(Type t) { this.t = t; }

        @Override public Typed.Expr visitIntLit(Typed.IntLit i) { return new Typed.IntLit(i.value(), t, i.pos()); }

        @Override public Typed.Expr visitStrLit(Typed.StrLit s) { return new Typed.StrLit(s.value(), t, s.pos()); }

        @Override public Typed.Expr visitUnitLit(Typed.UnitLit un) { return new Typed.UnitLit(t, un.pos()); }

        @Override public Typed.Expr visitLocal(Typed.Local l) { return new Typed.Local(l.name(), t, l.pos()); }

        @Override public Typed.Expr visitConstant(Typed.Constant c) {
            return new Typed.Constant(c.function(), typeArgs(c.typeArgs()), t, c.pos());
        }

        @Override public Typed.Expr visitCall(Typed.Call c) {
            return new Typed.Call(c.function(), typeArgs(c.typeArgs()), expr(c.argument()), t, c.pos());
        }

        @Override public Typed.Expr visitPrimCall(Typed.PrimCall p) { return new Typed.PrimCall(p.op(), expr(p.argument()), t, p.pos()); }

        @Override public Typed.Expr visitConstruct(Typed.Construct c) {
            return new Typed.Construct(c.dataType(), c.index(), exprs(c.args()), t, c.pos());
        }

        @Override public Typed.Expr visitTuple(Typed.Tuple tu) { return new Typed.Tuple(exprs(tu.components()), t, tu.pos()); }

        @Override public Typed.Expr visitBinary(Typed.Binary b) {
            return new Typed.Binary(b.op(), expr(b.left()), expr(b.right()), type(b.operandType()), t, b.pos());
        }

        @Override public Typed.Expr visitNegate(Typed.Negate n) { return new Typed.Negate(expr(n.operand()), t, n.pos()); }

        @Override public Typed.Expr visitIf(Typed.If i) {
            return new Typed.If(expr(i.condition()), expr(i.then()), expr(i.otherwise()), t, i.pos());
        }

        @Override public Typed.Expr visitLet(Typed.Let l) {
            return new Typed.Let(pattern(l.pattern()), expr(l.value()), expr(l.body()), t, l.pos());
        }

        @Override public Typed.Expr visitCase(Typed.Case c) {
            List<Typed.Alt> alts = new ArrayList<>();
            for (Typed.Alt a : c.alternatives()) alts.add(new Typed.Alt(pattern(a.pattern()), expr(a.body())));
            return new Typed.Case(expr(c.scrutinee()), alts, t, c.pos());
        }

        @Override public Typed.Expr visitListLit(Typed.ListLit l) { return new Typed.ListLit(exprs(l.elements()), t, l.pos()); }

        @Override public Typed.Expr visitCons(Typed.Cons c) { return new Typed.Cons(expr(c.head()), expr(c.tail()), t, c.pos()); }

        @Override public Typed.Expr visitLambda(Typed.Lambda l) {
            return new Typed.Lambda(pattern(l.parameter()), expr(l.body()), t, l.pos());
        }

        @Override public Typed.Expr visitFunctionRef(Typed.FunctionRef f) {
            return new Typed.FunctionRef(f.function(), typeArgs(f.typeArgs()), t, f.pos());
        }

        @Override public Typed.Expr visitPrimRef(Typed.PrimRef p) { return new Typed.PrimRef(p.op(), p.special(), t, p.pos()); }

        @Override public Typed.Expr visitLocalCall(Typed.LocalCall c) {
            return new Typed.LocalCall(c.function(), expr(c.argument()), t, c.pos());
        }

        @Override public Typed.Expr visitFold(Typed.Fold f) {
            return new Typed.Fold(expr(f.function()), expr(f.initial()), expr(f.list()), t, f.pos());
        }

        @Override public Typed.Expr visitFail(Typed.Fail f) { return new Typed.Fail(expr(f.message()), t, f.pos()); }

        @Override public Typed.Expr visitShow(Typed.Show s) { return new Typed.Show(expr(s.argument()), t, s.pos()); }

        @Override public Typed.Expr visitField(Typed.Field f) { return new Typed.Field(expr(f.record()), f.ref(), t, f.pos()); }

        @Override public Typed.Expr visitUpdate(Typed.Update up) {
            return new Typed.Update(expr(up.record()), up.refs(), exprs(up.values()), t, up.pos());
        }
    }

    private List<Typed.Expr> exprs(List<Typed.Expr> es) {
        List<Typed.Expr> out = new ArrayList<>();
        for (Typed.Expr e : es) out.add(expr(e));
        return out;
    }

    Typed.Pattern pattern(Typed.Pattern p) { return new PatternZonker(type(p.type())).visit(p); }

    /** Rebuilds one pattern node whose own type, zonked, is {@code t}. */
    private final class PatternZonker implements TypedPatternVisitor<Typed.Pattern> {
        private final Type t;

        PatternZonker(Type t) { this.t = t; }

        @Override public Typed.Pattern visitPWild(Typed.PWild w) { return new Typed.PWild(t, w.pos()); }

        @Override public Typed.Pattern visitPVar(Typed.PVar v) { return new Typed.PVar(v.name(), t, v.pos()); }

        @Override public Typed.Pattern visitPInt(Typed.PInt i) { return new Typed.PInt(i.value(), t, i.pos()); }

        @Override public Typed.Pattern visitPStr(Typed.PStr s) { return new Typed.PStr(s.value(), t, s.pos()); }

        @Override public Typed.Pattern visitPUnit(Typed.PUnit un) { return new Typed.PUnit(t, un.pos()); }

        @Override public Typed.Pattern visitPTuple(Typed.PTuple tu) { return new Typed.PTuple(patterns(tu.components()), t, tu.pos()); }

        @Override public Typed.Pattern visitPNil(Typed.PNil n) { return new Typed.PNil(t, n.pos()); }

        @Override public Typed.Pattern visitPCons(Typed.PCons c) {
            return new Typed.PCons(pattern(c.head()), pattern(c.tail()), t, c.pos());
        }

        @Override public Typed.Pattern visitPCon(Typed.PCon c) {
            return new Typed.PCon(c.dataType(), c.index(), patterns(c.args()), t, c.pos());
        }
    }

    private List<Typed.Pattern> patterns(List<Typed.Pattern> ps) {
        List<Typed.Pattern> out = new ArrayList<>();
        for (Typed.Pattern p : ps) out.add(pattern(p));
        return out;
    }

    Typed.Cmd cmd(Typed.Cmd c) { return new CmdZonker(type(c.type())).visit(c); }

    /** Rebuilds one command node whose own type, zonked, is {@code t}. */
    private final class CmdZonker implements TypedCmdVisitor<Typed.Cmd> {
        private final Type t;

        CmdZonker(Type t) { this.t = t; }

        @Override public Typed.Cmd visitFeed(Typed.Feed f) { return new Typed.Feed(arrow(f.arrow()), expr(f.input()), t, f.pos()); }

        @Override public Typed.Cmd visitDo(Typed.Do d) {
            List<Typed.Stmt> stmts = new ArrayList<>();
            for (Typed.Stmt s : d.statements()) stmts.add(Zonker.this.stmts.visit(s));
            return new Typed.Do(stmts, cmd(d.last()), t, d.pos());
        }

        @Override public Typed.Cmd visitIfCmd(Typed.IfCmd i) {
            return new Typed.IfCmd(expr(i.condition()), cmd(i.then()), cmd(i.otherwise()), t, i.pos());
        }

        @Override public Typed.Cmd visitCaseCmd(Typed.CaseCmd cs) {
            List<Typed.CmdAlt> alts = new ArrayList<>();
            for (Typed.CmdAlt a : cs.alternatives()) alts.add(new Typed.CmdAlt(pattern(a.pattern()), cmd(a.body())));
            return new Typed.CaseCmd(expr(cs.scrutinee()), alts, t, cs.pos());
        }
    }

    private final TypedStmtVisitor<Typed.Stmt> stmts = new TypedStmtVisitor<>() {
        @Override public Typed.Stmt visitBind(Typed.Bind b) { return new Typed.Bind(pattern(b.pattern()), cmd(b.cmd())); }

        @Override public Typed.Stmt visitExec(Typed.Exec x) { return new Typed.Exec(cmd(x.cmd())); }

        @Override public Typed.Stmt visitLetStmt(Typed.LetStmt l) { return new Typed.LetStmt(pattern(l.pattern()), expr(l.value())); }
    };

    private Typed.ArrowRef arrow(Typed.ArrowRef a) {
        if (a instanceof Typed.FunctionArrow f) return new Typed.FunctionArrow(f.function(), typeArgs(f.typeArgs()));
        return a;
    }

    Map<String, Typed.Function> functions(Map<String, Typed.Function> fs) {
        Map<String, Typed.Function> out = new LinkedHashMap<>();
        fs.forEach((k, v) -> out.put(k, function(v)));
        return out;
    }
}
