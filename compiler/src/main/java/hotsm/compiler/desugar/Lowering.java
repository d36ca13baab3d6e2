package hotsm.compiler.desugar;

import hotsm.compiler.desugar.Scope.Occurrence;
import hotsm.compiler.ir.Term;
import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers the expressions and commands of one function body, machine step or
 * migration to IR terms from the environment ({@link Scope}) to the result.
 * Type variables are read through {@link Erasure}'s substitution, which is how
 * an inlined polymorphic function is specialised to its use.
 */
final class Lowering {
    private final Inliner inliner;
    private final Erasure erasure;
    private final MatchCompiler matches;

    Lowering(Inliner inliner, Erasure erasure) {
        this.inliner = inliner;
        this.erasure = erasure;
        this.matches = new MatchCompiler(erasure.dataTypes());
    }

    /** {@code proc p -> cmd} as a term {@code P -> R}. */
    Term proc(Typed.Proc proc) {
        return matches.compile(Scope.root(), Occurrence.slot(0), List.of(proc.parameter()),
                (action, scope) -> cmd(proc.body(), scope));
    }

    /** {@code f p = e} as a term {@code P -> R}. */
    Term function(Typed.Pattern parameter, Typed.Expr body) {
        return matches.compile(Scope.root(), Occurrence.slot(0), List.of(parameter),
                (action, scope) -> expr(body, scope));
    }

    /** A closed expression as a term {@code () -> T}. */
    Term closed(Typed.Expr e) { return expr(e, Scope.root()); }

    // ---- expressions -------------------------------------------------------------------------

    Term expr(Typed.Expr e, Scope scope) {
        Optional<Value> folded = constantValue(e);
        if (folded.isPresent()) return Terms.constant(erasure.erase(e.type()), folded.get());
        if (e instanceof Typed.Local l) return scope.access(scope.lookup(l.name()));
        if (e instanceof Typed.Constant c) return Terms.seq(Term.DROP, inliner.constant(c.function(), c.typeArgs(), erasure));
        if (e instanceof Typed.Call c) {
            return Terms.seq(expr(c.argument(), scope), inliner.function(c.function(), c.typeArgs(), erasure));
        }
        if (e instanceof Typed.PrimCall p) return Terms.seq(expr(p.argument(), scope), new Term.Prim(p.op()));
        if (e instanceof Typed.Construct c) return construct(c, scope);
        if (e instanceof Typed.Tuple t) return tuple(t.components(), scope);
        if (e instanceof Typed.Binary b) return binary(b, scope);
        if (e instanceof Typed.Negate n) return Terms.seq(expr(n.operand(), scope), new Term.Prim(PrimOp.NEG));
        if (e instanceof Typed.If i) {
            return MatchCompiler.branch(scope, expr(i.condition(), scope), expr(i.then(), scope), expr(i.otherwise(), scope));
        }
        if (e instanceof Typed.Let l) {
            return bind(scope, expr(l.value(), scope), l.pattern(), inner -> expr(l.body(), inner));
        }
        if (e instanceof Typed.Case c) {
            List<Typed.Pattern> ps = new ArrayList<>();
            for (Typed.Alt a : c.alternatives()) ps.add(a.pattern());
            return scrutinise(scope, c.scrutinee(), ps, (k, inner) -> expr(c.alternatives().get(k).body(), inner));
        }
        throw new IllegalStateException("unexpected expression " + e);
    }

    /** The value of an expression made only of literals, constructors and tuples. */
    Optional<Value> constantValue(Typed.Expr e) {
        if (e instanceof Typed.IntLit i) return Optional.of(Value.of(i.value()));
        if (e instanceof Typed.StrLit s) return Optional.of(Value.of(s.value()));
        if (e instanceof Typed.UnitLit) return Optional.of(Value.UNIT);
        if (e instanceof Typed.Negate n && n.operand() instanceof Typed.IntLit i) return Optional.of(Value.of(-i.value()));
        if (e instanceof Typed.Tuple t) {
            List<Value> vs = new ArrayList<>();
            for (Typed.Expr c : t.components()) {
                Optional<Value> v = constantValue(c);
                if (v.isEmpty()) return Optional.empty();
                vs.add(v.get());
            }
            return Optional.of(pairs(vs));
        }
        if (e instanceof Typed.Construct c) {
            List<Value> vs = new ArrayList<>();
            for (Typed.Expr a : c.args()) {
                Optional<Value> v = constantValue(a);
                if (v.isEmpty()) return Optional.empty();
                vs.add(v.get());
            }
            Value v = pairs(vs);
            int n = constructorCount(c);
            if (n == 1) return Optional.of(v);
            if (c.index() < n - 1) v = new Value.Inl(v);
            for (int j = 0; j < c.index(); j++) v = new Value.Inr(v);
            return Optional.of(v);
        }
        return Optional.empty();
    }

    private int constructorCount(Typed.Construct c) {
        DataType dt = erasure.dataTypes().get(c.dataType());
        if (dt == null) throw new IllegalStateException("unknown data type " + c.dataType());
        return dt.constructors().size();
    }

    private static Value pairs(List<Value> vs) {
        if (vs.isEmpty()) return Value.UNIT;
        Value v = vs.get(vs.size() - 1);
        for (int i = vs.size() - 2; i >= 0; i--) v = Value.pair(vs.get(i), v);
        return v;
    }

    private Term tuple(List<Typed.Expr> parts, Scope scope) {
        if (parts.isEmpty()) return Term.DROP;
        Term t = expr(parts.get(parts.size() - 1), scope);
        for (int i = parts.size() - 2; i >= 0; i--) t = Terms.fork(expr(parts.get(i), scope), t);
        return t;
    }

    /** The fields as right-nested pairs, then the injections that put constructor {@code index} into the sum. */
    private Term construct(Typed.Construct c, Scope scope) {
        Term t = tuple(c.args(), scope);
        List<Shape> ctors = erasure.constructorShapes(c.type());
        int n = ctors.size();
        int i = c.index();
        if (n == 1) return t;
        if (i < n - 1) t = Terms.seq(t, new Term.Inl(sumOf(ctors, i + 1)));
        for (int j = i - 1; j >= 0; j--) t = Terms.seq(t, new Term.Inr(ctors.get(j)));
        return t;
    }

    /** {@code C_from + (... + C_n-1)}. */
    private static Shape sumOf(List<Shape> ctors, int from) {
        Shape s = ctors.get(ctors.size() - 1);
        for (int j = ctors.size() - 2; j >= from; j--) s = new Shape.Sum(ctors.get(j), s);
        return s;
    }

    private Term binary(Typed.Binary b, Scope scope) {
        if (b.op() == BinaryOp.AND) {
            return MatchCompiler.branch(scope, expr(b.left(), scope), expr(b.right(), scope), Terms.constant(Shape.BOOL, Value.FALSE));
        }
        if (b.op() == BinaryOp.OR) {
            return MatchCompiler.branch(scope, expr(b.left(), scope), Terms.constant(Shape.BOOL, Value.TRUE), expr(b.right(), scope));
        }
        Term operands = Terms.fork(expr(b.left(), scope), expr(b.right(), scope));
        return Terms.seq(operands, new Term.Prim(primOf(b.op())));
    }

    private static PrimOp primOf(BinaryOp op) {
        return switch (op) {
            case ADD -> PrimOp.ADD;
            case SUB -> PrimOp.SUB;
            case MUL -> PrimOp.MUL;
            case DIV -> PrimOp.DIV;
            case MOD -> PrimOp.MOD;
            case EQ -> PrimOp.EQ;
            case NE -> PrimOp.NE;
            case LT -> PrimOp.LT;
            case LE -> PrimOp.LE;
            case GT -> PrimOp.GT;
            case GE -> PrimOp.GE;
            case CONCAT -> PrimOp.CONCAT;
            case AND, OR -> throw new IllegalArgumentException(op + " short-circuits");
        };
    }

    /** Body continuation of a binding. */
    interface Body {
        Term compile(Scope scope);
    }

    /** Runs {@code value}, then matches {@code pattern} against its result and continues in the extended scope. */
    private Term bind(Scope scope, Term value, Typed.Pattern pattern, Body body) {
        if (pattern instanceof Typed.PWild || pattern instanceof Typed.PUnit) {
            // the value still runs (it may fail or use the state), its result is forgotten
            return Terms.seq(Terms.seq(Terms.fork(Term.ID, value), Term.FST), body.compile(scope));
        }
        Scope inner = scope.push();
        Term rest = matches.compile(inner, Occurrence.slot(scope.nextSlot()), List.of(pattern),
                (action, s) -> body.compile(s));
        return Terms.seq(Terms.fork(Term.ID, value), rest);
    }

    /** {@code case scrutinee of ...}; a variable is matched where it is, anything else is pushed first. */
    private Term scrutinise(Scope scope, Typed.Expr scrutinee, List<Typed.Pattern> patterns, MatchCompiler.Leaf leaf) {
        if (scrutinee instanceof Typed.Local l) return matches.compile(scope, scope.lookup(l.name()), patterns, leaf);
        List<Occurrence> columns = columnsOf(scope, scrutinee, patterns);
        if (columns != null) return matches.compileColumns(scope, columns, patterns, leaf);
        Scope inner = scope.push();
        Term rest = matches.compile(inner, Occurrence.slot(scope.nextSlot()), patterns, leaf);
        return Terms.seq(Terms.fork(Term.ID, expr(scrutinee, scope)), rest);
    }

    /**
     * {@code case (x, y) of (p, q) -> ...} over variables needs no tuple built:
     * the columns are the variables themselves. Null when that does not apply
     * (some component is not a variable, or some alternative binds the whole tuple).
     */
    private static List<Occurrence> columnsOf(Scope scope, Typed.Expr scrutinee, List<Typed.Pattern> patterns) {
        if (!(scrutinee instanceof Typed.Tuple t)) return null;
        List<Occurrence> columns = new ArrayList<>();
        for (Typed.Expr c : t.components()) {
            if (!(c instanceof Typed.Local l)) return null;
            columns.add(scope.lookup(l.name()));
        }
        for (Typed.Pattern p : patterns) if (!(p instanceof Typed.PTuple || p instanceof Typed.PWild)) return null;
        return columns;
    }

    // ---- commands ----------------------------------------------------------------------------

    Term cmd(Typed.Cmd c, Scope scope) {
        if (c instanceof Typed.Feed f) return Terms.seq(expr(f.input(), scope), arrow(f.arrow()));
        if (c instanceof Typed.Do d) return statements(d, 0, scope);
        if (c instanceof Typed.IfCmd i) {
            return MatchCompiler.branch(scope, expr(i.condition(), scope), cmd(i.then(), scope), cmd(i.otherwise(), scope));
        }
        if (c instanceof Typed.CaseCmd k) {
            List<Typed.Pattern> ps = new ArrayList<>();
            for (Typed.CmdAlt a : k.alternatives()) ps.add(a.pattern());
            return scrutinise(scope, k.scrutinee(), ps, (i, inner) -> cmd(k.alternatives().get(i).body(), inner));
        }
        throw new IllegalStateException("unexpected command " + c);
    }

    private Term statements(Typed.Do d, int from, Scope scope) {
        if (from == d.statements().size()) return cmd(d.last(), scope);
        Typed.Stmt s = d.statements().get(from);
        Body rest = inner -> statements(d, from + 1, inner);
        if (s instanceof Typed.Bind b) return bind(scope, cmd(b.cmd(), scope), b.pattern(), rest);
        if (s instanceof Typed.LetStmt l) return bind(scope, expr(l.value(), scope), l.pattern(), rest);
        Typed.Exec e = (Typed.Exec) s;
        return Terms.seq(Terms.seq(Terms.fork(Term.ID, cmd(e.cmd(), scope)), Term.FST), rest.compile(scope));
    }

    private Term arrow(Typed.ArrowRef ref) {
        if (ref instanceof Typed.GetArrow) return Term.GET;
        if (ref instanceof Typed.PutArrow) return Term.PUT;
        if (ref instanceof Typed.ReturnA) return Term.ID;
        if (ref instanceof Typed.PrimArrow p) return new Term.Prim(p.op());
        if (ref instanceof Typed.FunctionArrow f) return inliner.function(f.function(), f.typeArgs(), erasure);
        Typed.LocalArrow l = (Typed.LocalArrow) ref;
        return inliner.function(l.name(), List.<Type>of(), erasure);
    }
}
