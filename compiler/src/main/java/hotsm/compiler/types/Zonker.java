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

    private Type close(Type t) {
        if (t instanceof Type.Var v) return keep.contains(v.id()) ? v : Type.UNIT;
        if (t instanceof Type.Con c) return c.args().isEmpty() ? c : new Type.Con(c.name(), types(c.args()));
        if (t instanceof Type.Tuple tu) return new Type.Tuple(types(tu.components()));
        if (t instanceof Type.Fun f) return new Type.Fun(close(f.from()), close(f.to()));
        return t;
    }

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

    Typed.Expr expr(Typed.Expr e) {
        Type t = type(e.type());
        if (e instanceof Typed.IntLit i) return new Typed.IntLit(i.value(), t, i.pos());
        if (e instanceof Typed.StrLit s) return new Typed.StrLit(s.value(), t, s.pos());
        if (e instanceof Typed.UnitLit un) return new Typed.UnitLit(t, un.pos());
        if (e instanceof Typed.Local l) return new Typed.Local(l.name(), t, l.pos());
        if (e instanceof Typed.Constant c) return new Typed.Constant(c.function(), typeArgs(c.typeArgs()), t, c.pos());
        if (e instanceof Typed.Call c) return new Typed.Call(c.function(), typeArgs(c.typeArgs()), expr(c.argument()), t, c.pos());
        if (e instanceof Typed.PrimCall p) return new Typed.PrimCall(p.op(), expr(p.argument()), t, p.pos());
        if (e instanceof Typed.Construct c) return new Typed.Construct(c.dataType(), c.index(), exprs(c.args()), t, c.pos());
        if (e instanceof Typed.Tuple tu) return new Typed.Tuple(exprs(tu.components()), t, tu.pos());
        if (e instanceof Typed.Binary b) {
            return new Typed.Binary(b.op(), expr(b.left()), expr(b.right()), type(b.operandType()), t, b.pos());
        }
        if (e instanceof Typed.Negate n) return new Typed.Negate(expr(n.operand()), t, n.pos());
        if (e instanceof Typed.If i) return new Typed.If(expr(i.condition()), expr(i.then()), expr(i.otherwise()), t, i.pos());
        if (e instanceof Typed.Let l) return new Typed.Let(pattern(l.pattern()), expr(l.value()), expr(l.body()), t, l.pos());
        if (e instanceof Typed.ListLit l) return new Typed.ListLit(exprs(l.elements()), t, l.pos());
        if (e instanceof Typed.Cons c) return new Typed.Cons(expr(c.head()), expr(c.tail()), t, c.pos());
        if (e instanceof Typed.Lambda l) return new Typed.Lambda(pattern(l.parameter()), expr(l.body()), t, l.pos());
        if (e instanceof Typed.FunctionRef f) return new Typed.FunctionRef(f.function(), typeArgs(f.typeArgs()), t, f.pos());
        if (e instanceof Typed.PrimRef p) return new Typed.PrimRef(p.op(), p.special(), t, p.pos());
        if (e instanceof Typed.LocalCall c) return new Typed.LocalCall(c.function(), expr(c.argument()), t, c.pos());
        if (e instanceof Typed.Fold f) return new Typed.Fold(expr(f.function()), expr(f.initial()), expr(f.list()), t, f.pos());
        if (e instanceof Typed.Fail f) return new Typed.Fail(expr(f.message()), t, f.pos());
        if (e instanceof Typed.Show s) return new Typed.Show(expr(s.argument()), t, s.pos());
        if (e instanceof Typed.Field f) return new Typed.Field(expr(f.record()), f.ref(), t, f.pos());
        if (e instanceof Typed.Update up) return new Typed.Update(expr(up.record()), up.refs(), exprs(up.values()), t, up.pos());
        Typed.Case c = (Typed.Case) e;
        List<Typed.Alt> alts = new ArrayList<>();
        for (Typed.Alt a : c.alternatives()) alts.add(new Typed.Alt(pattern(a.pattern()), expr(a.body())));
        return new Typed.Case(expr(c.scrutinee()), alts, t, c.pos());
    }

    private List<Typed.Expr> exprs(List<Typed.Expr> es) {
        List<Typed.Expr> out = new ArrayList<>();
        for (Typed.Expr e : es) out.add(expr(e));
        return out;
    }

    Typed.Pattern pattern(Typed.Pattern p) {
        Type t = type(p.type());
        if (p instanceof Typed.PWild w) return new Typed.PWild(t, w.pos());
        if (p instanceof Typed.PVar v) return new Typed.PVar(v.name(), t, v.pos());
        if (p instanceof Typed.PInt i) return new Typed.PInt(i.value(), t, i.pos());
        if (p instanceof Typed.PStr s) return new Typed.PStr(s.value(), t, s.pos());
        if (p instanceof Typed.PUnit un) return new Typed.PUnit(t, un.pos());
        if (p instanceof Typed.PTuple tu) return new Typed.PTuple(patterns(tu.components()), t, tu.pos());
        if (p instanceof Typed.PNil n) return new Typed.PNil(t, n.pos());
        if (p instanceof Typed.PCons c) return new Typed.PCons(pattern(c.head()), pattern(c.tail()), t, c.pos());
        Typed.PCon c = (Typed.PCon) p;
        return new Typed.PCon(c.dataType(), c.index(), patterns(c.args()), t, c.pos());
    }

    private List<Typed.Pattern> patterns(List<Typed.Pattern> ps) {
        List<Typed.Pattern> out = new ArrayList<>();
        for (Typed.Pattern p : ps) out.add(pattern(p));
        return out;
    }

    Typed.Cmd cmd(Typed.Cmd c) {
        Type t = type(c.type());
        if (c instanceof Typed.Feed f) return new Typed.Feed(arrow(f.arrow()), expr(f.input()), t, f.pos());
        if (c instanceof Typed.Do d) {
            List<Typed.Stmt> stmts = new ArrayList<>();
            for (Typed.Stmt s : d.statements()) stmts.add(stmt(s));
            return new Typed.Do(stmts, cmd(d.last()), t, d.pos());
        }
        if (c instanceof Typed.IfCmd i) return new Typed.IfCmd(expr(i.condition()), cmd(i.then()), cmd(i.otherwise()), t, i.pos());
        Typed.CaseCmd cs = (Typed.CaseCmd) c;
        List<Typed.CmdAlt> alts = new ArrayList<>();
        for (Typed.CmdAlt a : cs.alternatives()) alts.add(new Typed.CmdAlt(pattern(a.pattern()), cmd(a.body())));
        return new Typed.CaseCmd(expr(cs.scrutinee()), alts, t, cs.pos());
    }

    private Typed.Stmt stmt(Typed.Stmt s) {
        if (s instanceof Typed.Bind b) return new Typed.Bind(pattern(b.pattern()), cmd(b.cmd()));
        if (s instanceof Typed.Exec x) return new Typed.Exec(cmd(x.cmd()));
        Typed.LetStmt l = (Typed.LetStmt) s;
        return new Typed.LetStmt(pattern(l.pattern()), expr(l.value()));
    }

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
