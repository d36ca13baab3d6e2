package hotsm.compiler.desugar;

import hotsm.compiler.desugar.Scope.Occurrence;
import hotsm.compiler.ir.Term;
import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.types.ArrowRefVisitor;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import hotsm.compiler.types.TypedCmdVisitor;
import hotsm.compiler.types.TypedExprVisitor;
import hotsm.compiler.types.TypedStmtVisitor;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers the expressions and commands of one function body, machine step or
 * migration to IR terms from the environment ({@link Scope}) to the result.
 * Type variables are read through {@link Erasure}'s substitution, which is how
 * an inlined polymorphic function is specialised to its use.
 */
final class Lowering {
    final Inliner inliner;
    final Erasure erasure;
    final MatchCompiler matches;
    private final ShowBuilder shows;

    Lowering(Inliner inliner, Erasure erasure) {
        this.inliner = inliner;
        this.erasure = erasure;
        this.matches = new MatchCompiler(erasure.dataTypes());
        this.shows = new ShowBuilder(this);
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
        return new ExprLowering(scope).visit(e);
    }

    /** An expression that is not a constant (those are folded by {@link #expr}), lowered in {@code scope}. */
    private final class ExprLowering implements TypedExprVisitor<Term> {
        private final Scope scope;

        ExprLowering(Scope scope) { this.scope = scope; }

        @Override public Term visitIntLit(Typed.IntLit i) { return Terms.constant(erasure.erase(i.type()), Value.of(i.value())); }

        @Override public Term visitStrLit(Typed.StrLit s) { return Terms.constant(erasure.erase(s.type()), Value.of(s.value())); }

        @Override public Term visitUnitLit(Typed.UnitLit u) { return Terms.constant(erasure.erase(u.type()), Value.UNIT); }

        @Override public Term visitLocal(Typed.Local l) { return scope.access(scope.lookup(l.name())); }

        @Override public Term visitConstant(Typed.Constant c) {
            return Terms.seq(Term.DROP, inliner.constant(c.function(), c.typeArgs(), erasure));
        }

        @Override public Term visitCall(Typed.Call c) { return call(c, scope); }

        @Override public Term visitPrimCall(Typed.PrimCall p) { return Terms.seq(expr(p.argument(), scope), primitive(p.op(), p.type())); }

        @Override public Term visitConstruct(Typed.Construct c) { return construct(c, scope); }

        @Override public Term visitTuple(Typed.Tuple t) { return tuple(t.components(), scope); }

        @Override public Term visitBinary(Typed.Binary b) { return binary(b, scope); }

        @Override public Term visitNegate(Typed.Negate n) { return Terms.seq(expr(n.operand(), scope), new Term.Prim(PrimOp.NEG)); }

        @Override public Term visitIf(Typed.If i) {
            return MatchCompiler.branch(scope, expr(i.condition(), scope), expr(i.then(), scope), expr(i.otherwise(), scope));
        }

        @Override public Term visitLet(Typed.Let l) {
            return bind(scope, expr(l.value(), scope), l.pattern(), inner -> expr(l.body(), inner));
        }

        @Override public Term visitCase(Typed.Case c) {
            List<Typed.Pattern> ps = new ArrayList<>();
            for (Typed.Alt a : c.alternatives()) ps.add(a.pattern());
            return scrutinise(scope, c.scrutinee(), ps, (k, inner) -> expr(c.alternatives().get(k).body(), inner));
        }

        @Override public Term visitListLit(Typed.ListLit l) {
            Term t = Terms.constant(erasure.erase(l.type()), Value.NIL);
            for (int i = l.elements().size() - 1; i >= 0; i--) {
                t = Terms.seq(Terms.fork(expr(l.elements().get(i), scope), t), new Term.Prim(PrimOp.LIST_CONS));
            }
            return t;
        }

        @Override public Term visitCons(Typed.Cons c) {
            return Terms.seq(Terms.fork(expr(c.head(), scope), expr(c.tail(), scope)), new Term.Prim(PrimOp.LIST_CONS));
        }

        // a function is a value only as an argument: call() and functionValue() take it apart there
        @Override public Term visitLambda(Typed.Lambda l) { throw unexpected(l); }

        @Override public Term visitFunctionRef(Typed.FunctionRef f) { throw unexpected(f); }

        @Override public Term visitPrimRef(Typed.PrimRef p) { throw unexpected(p); }

        @Override public Term visitFold(Typed.Fold f) {
            FunctionValue step = functionValue(f.function(), scope);
            Scope inner = scope.push();
            Term body = applyAt(step, inner, Occurrence.slot(scope.nextSlot()));
            return Terms.seq(Terms.fork(Term.ID, Terms.fork(expr(f.initial(), scope), expr(f.list(), scope))), new Term.Fold(body));
        }

        @Override public Term visitLocalCall(Typed.LocalCall c) {
            return apply(scope.function(c.function()), scope, expr(c.argument(), scope));
        }

        @Override public Term visitFail(Typed.Fail f) { return Terms.seq(expr(f.message(), scope), new Term.Fail(erasure.erase(f.type()))); }

        @Override public Term visitShow(Typed.Show s) { return Terms.seq(expr(s.argument(), scope), shows.show(s.argument().type())); }

        @Override public Term visitField(Typed.Field f) { return Terms.seq(expr(f.record(), scope), field(f.ref())); }

        @Override public Term visitUpdate(Typed.Update u) { return update(u, scope); }

        private IllegalStateException unexpected(Typed.Expr e) { return new IllegalStateException("unexpected expression " + e); }
    }

    /** The term of a primitive whose result has type {@code result}: {@code error} fails with its message. */
    Term primitive(PrimOp op, Type result) {
        return new Term.Prim(op);
    }

    // ---- records ----------------------------------------------------------------------------

    /** The projection of field {@code ref} out of its record's right-nested fields. */
    private Term field(Typed.FieldRef ref) {
        int n = erasure.dataTypes().get(ref.dataType()).constructors().get(0).fields().size();
        return projection(ref.index(), n);
    }

    /** Component {@code i} of {@code n} right-nested components. */
    static Term projection(int i, int n) {
        List<Term> steps = new ArrayList<>();
        for (int k = 0; k < i; k++) steps.add(Term.SND);
        if (i < n - 1) steps.add(Term.FST);
        return Terms.pipeline(steps);
    }

    /** {@code r { f = v }}: the record pushed, then every field taken from it or from its new value. */
    private Term update(Typed.Update u, Scope scope) {
        int n = erasure.dataTypes().get(u.refs().get(0).dataType()).constructors().get(0).fields().size();
        Scope inner = scope.push();
        Occurrence record = Occurrence.slot(scope.nextSlot());
        List<Occurrence> fields = record.components(n);
        Term[] parts = new Term[n];
        for (int j = 0; j < u.refs().size(); j++) parts[u.refs().get(j).index()] = expr(u.values().get(j), inner);
        Term t = null;
        for (int i = n - 1; i >= 0; i--) {
            Term part = parts[i] != null ? parts[i] : inner.access(fields.get(i));
            t = t == null ? part : Terms.fork(part, t);
        }
        return Terms.seq(Terms.fork(Term.ID, expr(u.record(), scope)), t);
    }

    // ---- functions passed as arguments (LANGUAGE.md §13) -------------------------------------

    /** A call; one that passes a function is specialised here, in the caller's environment. */
    private Term call(Typed.Call c, Scope scope) {
        if (!passesFunction(c.argument())) {
            return Terms.seq(expr(c.argument(), scope), inliner.function(c.function(), c.typeArgs(), erasure));
        }
        Typed.Function f = inliner.definition(c.function());
        if (f.parameter() == null) throw new IllegalStateException("an arrow passed a function: " + c.function());
        Lowering callee = new Lowering(inliner, erasure.instantiate(f.typeParams(), c.typeArgs()));
        Map<String, FunctionValue> functions = new HashMap<>();
        List<Typed.Expr> values = new ArrayList<>();
        List<Typed.Pattern> params = new ArrayList<>();
        if (c.argument() instanceof Typed.Tuple t && f.parameter() instanceof Typed.PTuple p
                && p.components().size() == t.components().size()) {
            for (int i = 0; i < t.components().size(); i++) {
                split(t.components().get(i), p.components().get(i), scope, functions, values, params);
            }
        } else {
            split(c.argument(), f.parameter(), scope, functions, values, params);
        }
        Typed.Pattern pattern = params.size() == 1 ? params.get(0) : new Typed.PTuple(params, Type.UNIT, f.parameter().pos());
        Scope inner = scope.seeing(Map.of(), functions).push();
        Term body = callee.matches.compile(inner, Occurrence.slot(scope.nextSlot()), List.of(pattern),
                (action, s) -> callee.expr(f.body(), s));
        return Terms.seq(Terms.fork(Term.ID, tuple(values, scope)), body);
    }

    /** One component of a call's argument: a function is bound at compile time, a value is passed. */
    private void split(Typed.Expr arg, Typed.Pattern param, Scope scope, Map<String, FunctionValue> functions,
                       List<Typed.Expr> values, List<Typed.Pattern> params) {
        if (isFunction(arg)) {
            if (param instanceof Typed.PVar v) functions.put(v.name(), functionValue(arg, scope));
            values.add(new Typed.UnitLit(Type.UNIT, arg.pos()));
            params.add(new Typed.PWild(Type.UNIT, param.pos()));
        } else {
            values.add(arg);
            params.add(param);
        }
    }

    private boolean passesFunction(Typed.Expr arg) {
        if (arg instanceof Typed.Tuple t) return t.components().stream().anyMatch(this::isFunction);
        return isFunction(arg);
    }

    private boolean isFunction(Typed.Expr e) {
        return e instanceof Typed.Lambda || e instanceof Typed.FunctionRef || e instanceof Typed.PrimRef
                || e instanceof Typed.Local l && erasure.resolve(l.type()) instanceof Type.Fun;
    }

    private FunctionValue functionValue(Typed.Expr e, Scope scope) {
        if (e instanceof Typed.Lambda l) return new FunctionValue.Lambda(l, scope.variables(), scope.functions(), this);
        if (e instanceof Typed.FunctionRef f) return new FunctionValue.Named(f.function(), f.typeArgs(), this);
        if (e instanceof Typed.PrimRef p) return new FunctionValue.Primitive(p, this);
        if (e instanceof Typed.Local l) return scope.function(l.name());
        throw new IllegalStateException("not a function: " + e);
    }

    /** {@code f a} where {@code argument} computes {@code a} from {@code scope}'s environment. */
    private Term apply(FunctionValue f, Scope scope, Term argument) {
        if (f instanceof FunctionValue.Lambda l) {
            Scope inner = scope.push();
            return Terms.seq(Terms.fork(Term.ID, argument), applyAt(f, inner, Occurrence.slot(scope.nextSlot())));
        }
        return Terms.seq(argument, named(f));
    }

    /** {@code f a} where {@code a} is at {@code at} in {@code scope}. */
    private Term applyAt(FunctionValue f, Scope scope, Occurrence at) {
        if (f instanceof FunctionValue.Lambda l) {
            Lowering where = l.lowering();
            return where.matches.compile(scope.seeing(l.variables(), l.functions()), at, List.of(l.lambda().parameter()),
                    (action, s) -> where.expr(l.lambda().body(), s));
        }
        return Terms.seq(scope.access(at), named(f));
    }

    /** The term of a named function or primitive passed as an argument. */
    private static Term named(FunctionValue f) {
        if (f instanceof FunctionValue.Named n) return n.lowering().inliner.function(n.function(), n.typeArgs(), n.lowering().erasure);
        if (!(f instanceof FunctionValue.Primitive p)) throw new IllegalArgumentException("a lambda is applied where it is: " + f);
        if (!(p.lowering().erasure.resolve(p.ref().type()) instanceof Type.Fun type)) {
            throw new IllegalStateException("a primitive passed as a function has type " + p.ref().type());
        }
        if ("show".equals(p.ref().special())) return p.lowering().shows.show(type.from());
        if ("error".equals(p.ref().special())) return new Term.Fail(p.lowering().erasure.erase(type.to()));
        if (p.ref().op() == null) throw new IllegalStateException("no primitive " + p.ref().special());
        return p.lowering().primitive(p.ref().op(), type.to());
    }

    /** The value of an expression made only of literals, constructors and tuples. */
    Optional<Value> constantValue(Typed.Expr e) {
        if (e instanceof Typed.IntLit i) return Optional.of(Value.of(i.value()));
        if (e instanceof Typed.StrLit s) return Optional.of(Value.of(s.value()));
        if (e instanceof Typed.UnitLit) return Optional.of(Value.UNIT);
        if (e instanceof Typed.Negate n && n.operand() instanceof Typed.IntLit i) return Optional.of(Value.of(-i.value()));
        if (e instanceof Typed.ListLit l) {
            List<Value> vs = new ArrayList<>();
            for (Typed.Expr x : l.elements()) {
                Optional<Value> v = constantValue(x);
                if (v.isEmpty()) return Optional.empty();
                vs.add(v.get());
            }
            return Optional.of(Value.ListOf.of(vs));
        }
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
        if (b.op() == BinaryOp.CONCAT) {
            boolean lists = erasure.erase(b.operandType()) instanceof Shape.ListOf;
            return Terms.seq(operands, lists ? new Term.Prim(PrimOp.LIST_APPEND) : new Term.Prim(PrimOp.CONCAT));
        }
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
            case CONCAT -> throw new IllegalArgumentException("++ depends on its operands' type");
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
        return new TypedCmdVisitor<Term>() {
            @Override public Term visitFeed(Typed.Feed f) { return Terms.seq(expr(f.input(), scope), arrow(f.arrow())); }

            @Override public Term visitDo(Typed.Do d) { return statements(d, 0, scope); }

            @Override public Term visitIfCmd(Typed.IfCmd i) {
                return MatchCompiler.branch(scope, expr(i.condition(), scope), cmd(i.then(), scope), cmd(i.otherwise(), scope));
            }

            @Override public Term visitCaseCmd(Typed.CaseCmd k) {
                List<Typed.Pattern> ps = new ArrayList<>();
                for (Typed.CmdAlt a : k.alternatives()) ps.add(a.pattern());
                return scrutinise(scope, k.scrutinee(), ps, (i, inner) -> cmd(k.alternatives().get(i).body(), inner));
            }
        }.visit(c);
    }

    private Term statements(Typed.Do d, int from, Scope scope) {
        if (from == d.statements().size()) return cmd(d.last(), scope);
        Body rest = inner -> statements(d, from + 1, inner);
        return new TypedStmtVisitor<Term>() {
            @Override public Term visitBind(Typed.Bind b) { return bind(scope, cmd(b.cmd(), scope), b.pattern(), rest); }

            @Override public Term visitLetStmt(Typed.LetStmt l) { return bind(scope, expr(l.value(), scope), l.pattern(), rest); }

            @Override public Term visitExec(Typed.Exec e) {
                return Terms.seq(Terms.seq(Terms.fork(Term.ID, cmd(e.cmd(), scope)), Term.FST), rest.compile(scope));
            }
        }.visit(d.statements().get(from));
    }

    private Term arrow(Typed.ArrowRef ref) {
        return new ArrowRefVisitor<Term>() {
            @Override public Term visitGetArrow(Typed.GetArrow g) { return Term.GET; }

            @Override public Term visitPutArrow(Typed.PutArrow p) { return Term.PUT; }

            @Override public Term visitReturnA(Typed.ReturnA r) { return Term.ID; }

            // error is not an arrow: see CmdChecker
            @Override public Term visitPrimArrow(Typed.PrimArrow p) { return new Term.Prim(p.op()); }

            @Override public Term visitFunctionArrow(Typed.FunctionArrow f) { return inliner.function(f.function(), f.typeArgs(), erasure); }

            @Override public Term visitLocalArrow(Typed.LocalArrow l) { return inliner.function(l.name(), List.<Type>of(), erasure); }
        }.visit(ref);
    }
}
