package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.ExprVisitor;
import hotsm.compiler.syntax.Position;
import hotsm.compiler.syntax.QualName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Infers the types of pure expressions (LANGUAGE.md §6); {@link CallChecker}
 * resolves their names (local variables first, then the machine's where
 * block, then the module's scope) and checks applications. Every error is reported where it happens and the
 * expression gets {@link Unifier#ERROR}, so checking goes on.
 */
final class ExprChecker {
    final DeclContext ctx;
    final ProgramEnv env;
    final Unifier u;
    final PatternChecker patterns;
    final RecordChecker records;
    final CallChecker calls;

    ExprChecker(DeclContext ctx) {
        this.ctx = ctx;
        this.env = ctx.env;
        this.u = ctx.env.unifier;
        this.patterns = new PatternChecker(this);
        this.records = new RecordChecker(this);
        this.calls = new CallChecker(this);
    }

    /** Unifies, or reports {@code message(actual, expected)} at {@code pos}. */
    boolean expect(Type actual, Type expected, Position pos, int length, BiFunction<String, String, String> message) {
        return expect(actual, expected, () -> pos, length, message);
    }

    /**
     * The same with the position found only if there is an error: an operand's
     * {@link #start} walks its left spine, and doing that for every operator of
     * a chain {@code 1 + 1 + ... + 1} took time quadratic in its length.
     */
    boolean expect(Type actual, Type expected, java.util.function.Supplier<Position> pos, int length,
                   BiFunction<String, String, String> message) {
        Type a = u.zonk(actual);
        Type b = u.zonk(expected);
        if (u.unify(actual, expected)) return true;
        TypePrinter p = new TypePrinter();
        String as = p.show(a);
        String bs = p.show(b);
        if (as.equals(bs)) {
            p = new TypePrinter(true);
            as = p.show(a);
            bs = p.show(b);
        }
        env.error(pos.get(), length, message.apply(as, bs));
        return false;
    }

    boolean expect(Type actual, Type expected, Position pos, BiFunction<String, String, String> message) {
        return expect(actual, expected, pos, 1, message);
    }

    static BiFunction<String, String, String> mismatch(String subject) {
        return (a, b) -> "type mismatch: " + subject + " has type " + a + ", but " + b + " is expected";
    }

    /** Where an expression starts (a binary operator's node sits at the operator). */
    static hotsm.compiler.syntax.Position start(Expr e) {
        if (e instanceof Expr.Binary b) return start(b.left());
        if (e instanceof Expr.App a) return start(a.function());
        return e.pos();
    }

    Typed.Expr check(Expr e, Type expected, Locals env, String subject) {
        Typed.Expr t = infer(e, env);
        expect(t.type(), expected, start(e), mismatch(subject));
        return t;
    }

    /**
     * Checks {@code e} against a type known before it is read (a signature's):
     * {@code if}, {@code case} and {@code let} pass it on to their branches and
     * body, so a wrong branch is reported where it is and the others are not
     * blamed. {@code why} ends the message: {@code "its signature says"}. Both are
     * read by their {@code toString} only for a message ({@link Words}).
     */
    Typed.Expr checkAgainst(Expr e, Type expected, Locals locals, Object subject, Object why) {
        if (e instanceof Expr.If i) {
            Typed.Expr c = infer(i.condition(), locals);
            expect(c.type(), Type.BOOL, start(i.condition()), (a, b) -> "the condition of 'if' must be a Bool, but it has type " + a);
            Typed.Expr th = checkAgainst(i.then(), expected, locals, "the 'then' branch", why);
            Typed.Expr el = checkAgainst(i.otherwise(), expected, locals, "the 'else' branch", why);
            return new Typed.If(c, th, el, expected, i.pos());
        }
        if (e instanceof Expr.Case c) return caseExpr(c, locals, expected, why);
        if (e instanceof Expr.Let l) {
            Typed.Expr value = infer(l.value(), locals);
            PatternChecker.Bound bound = patterns.irrefutable(l.pattern(), value.type(), "a 'let'");
            Typed.Expr body = checkAgainst(l.body(), expected, locals.bindAll(bound.vars()), subject, why);
            return new Typed.Let(bound.pattern(), value, body, expected, l.pos());
        }
        Typed.Expr t = infer(e, locals);
        expect(t.type(), expected, start(e), (a, b) -> "type mismatch: " + subject + " has type " + a + ", but " + why + " " + b);
        return t;
    }

    Typed.Expr infer(Expr e, Locals locals) { return new Inference(locals).visit(e); }

    /**
     * Words of a message about a name ({@code the body of 'f'}), joined only if the message is made: a
     * {@link #checkAgainst} of every function's body with its signature made two strings per function for
     * messages that a clean check never prints.
     */
    record Words(String before, String name, String after) {
        @Override public String toString() { return before + name + after; }
    }

    /** Infers one expression node in the scope of {@code locals}. */
    private final class Inference implements ExprVisitor<Typed.Expr> {
        private final Locals locals;

        Inference(Locals locals) { this.locals = locals; }

        @Override public Typed.Expr visitIntLit(Expr.IntLit i) { return new Typed.IntLit(i.value(), Type.INT, i.pos()); }

        @Override public Typed.Expr visitStrLit(Expr.StrLit s) { return new Typed.StrLit(s.value(), Type.STRING, s.pos()); }

        @Override public Typed.Expr visitUnit(Expr.Unit un) { return new Typed.UnitLit(Type.UNIT, un.pos()); }

        @Override public Typed.Expr visitVar(Expr.Var v) { return calls.variable(v, locals); }

        @Override public Typed.Expr visitCon(Expr.Con c) { return calls.construct(c.name(), List.of(), c.pos(), locals); }

        @Override public Typed.Expr visitApp(Expr.App a) { return calls.application(a, locals); }

        @Override public Typed.Expr visitTuple(Expr.Tuple t) {
            List<Typed.Expr> cs = new ArrayList<>();
            List<Type> ts = new ArrayList<>();
            for (Expr c : t.components()) {
                Typed.Expr tc = infer(c, locals);
                cs.add(tc);
                ts.add(tc.type());
            }
            return new Typed.Tuple(cs, new Type.Tuple(ts), t.pos());
        }

        @Override public Typed.Expr visitBinary(Expr.Binary b) { return binary(b, locals); }

        @Override public Typed.Expr visitNegate(Expr.Negate n) {
            Typed.Expr o = check(n.operand(), Type.INT, locals, "the operand of unary '-'");
            return new Typed.Negate(o, Type.INT, n.pos());
        }

        @Override public Typed.Expr visitIf(Expr.If i) {
            Typed.Expr c = infer(i.condition(), locals);
            expect(c.type(), Type.BOOL, start(i.condition()), (a, b) -> "the condition of 'if' must be a Bool, but it has type " + a);
            Typed.Expr th = infer(i.then(), locals);
            Typed.Expr el = infer(i.otherwise(), locals);
            expect(el.type(), th.type(), start(i.otherwise()),
                    (a, b) -> "the branches of 'if' have different types: 'then' has type " + b + ", 'else' has type " + a);
            return new Typed.If(c, th, el, th.type(), i.pos());
        }

        @Override public Typed.Expr visitLet(Expr.Let l) {
            Typed.Expr value = infer(l.value(), locals);
            PatternChecker.Bound bound = patterns.irrefutable(l.pattern(), value.type(), "a 'let'");
            Typed.Expr body = infer(l.body(), locals.bindAll(bound.vars()));
            return new Typed.Let(bound.pattern(), value, body, body.type(), l.pos());
        }

        @Override public Typed.Expr visitCase(Expr.Case c) { return caseExpr(c, locals, null, null); }

        @Override public Typed.Expr visitListLit(Expr.ListLit l) { return list(l, locals); }

        @Override public Typed.Expr visitCons(Expr.Cons c) { return cons(c, locals); }

        @Override public Typed.Expr visitLambda(Expr.Lambda l) {
            env.error(l.pos(), 1, TypeResolver.FUNCTIONS_ARE_NOT_VALUES + ": a lambda can only be the argument of a function");
            return new Typed.UnitLit(Unifier.ERROR, l.pos());
        }

        @Override public Typed.Expr visitField(Expr.Field f) { return records.access(f, locals); }

        @Override public Typed.Expr visitRecordCon(Expr.RecordCon r) { return records.construct(r, locals); }

        @Override public Typed.Expr visitRecordUpdate(Expr.RecordUpdate r) { return records.update(r, locals); }
    }

    private Typed.Expr list(Expr.ListLit l, Locals locals) {
        Type element = u.fresh(null);
        List<Typed.Expr> elements = new ArrayList<>();
        for (Expr x : l.elements()) {
            Typed.Expr t = infer(x, locals);
            expect(t.type(), element, start(x), (a, b) -> "type mismatch: this list element has type " + a
                    + ", but the elements before it have type " + b);
            elements.add(t);
        }
        return new Typed.ListLit(elements, Type.list(element), l.pos());
    }

    private Typed.Expr cons(Expr.Cons c, Locals locals) {
        Typed.Expr head = infer(c.head(), locals);
        Typed.Expr tail = infer(c.tail(), locals);
        Type expected = Type.list(head.type());
        if (!u.unify(tail.type(), expected)) {
            TypePrinter p = new TypePrinter();
            String h = p.show(u.zonk(head.type()));
            env.error(c.pos(), 2, "type mismatch: '::' puts a value of type " + h + " in front of a list, but its right operand has type "
                    + p.show(u.zonk(tail.type())) + " (expected List " + (h.contains(" ") ? "(" + h + ")" : h) + ")");
        }
        return new Typed.Cons(head, tail, expected, c.pos());
    }

    /**
     * An argument of a call: besides any value, it may be a function (a lambda,
     * a function's name, a function-typed parameter), and so may each
     * component of a tuple written as the argument (LANGUAGE.md §13).
     */
    Typed.Expr argument(Expr e, Locals locals) {
        if (e instanceof Expr.Tuple t) {
            List<Typed.Expr> cs = new ArrayList<>();
            List<Type> ts = new ArrayList<>();
            for (Expr c : t.components()) {
                Typed.Expr tc = argument(c, locals);
                cs.add(tc);
                ts.add(tc.type());
            }
            return new Typed.Tuple(cs, new Type.Tuple(ts), t.pos());
        }
        if (e instanceof Expr.Lambda l) {
            Type from = u.fresh(null);
            PatternChecker.Bound bound = patterns.irrefutable(l.parameter(), from, "a lambda");
            Typed.Expr body = infer(l.body(), locals.bindAll(bound.vars()));
            value(body.type(), start(l.body()), 1, false);
            return new Typed.Lambda(bound.pattern(), body, new Type.Fun(from, body.type()), l.pos());
        }
        if (e instanceof Expr.Var v) {
            QualName q = v.name();
            if (q.qualifier().isEmpty()) {
                Locals.Var local = locals.lookup(q.name());
                if (local != null) {
                    value(local.type(), v.pos(), q.name().length(), true);
                    return new Typed.Local(local.unique(), local.type(), v.pos());
                }
                Optional<DeclContext.LocalRef> where = calls.whereLocal(q.name(), v.pos());
                if (where.isPresent() && !where.get().arrow()) {
                    return new Typed.FunctionRef(where.get().key(), List.of(), where.get().type(), v.pos());
                }
                if (where.isPresent()) return calls.variable(v, locals);
            }
            ModuleScope.Lookup found = ctx.scope.lookup(Namespace.VALUE, q);
            if (found instanceof ModuleScope.Found f && f.entity() instanceof Entity.Primitive p) {
                Scheme.Instance inst = env.schemes.get(p.qualifiedName()).instantiate(u);
                return new Typed.PrimRef(p.op(), p.special(), inst.type(), v.pos());
            }
            if (found instanceof ModuleScope.Found f && f.entity() instanceof Entity.Value val
                    && val.decl() instanceof hotsm.compiler.syntax.Decl.Function fn && fn.parameter().isPresent()) {
                Scheme.Instance inst = ctx.module.schemeOf(val, v.pos()).instantiate(u);
                return new Typed.FunctionRef(val.qualifiedName(), inst.typeArgs(), inst.type(), v.pos());
            }
        }
        return infer(e, locals);
    }

    /** A use of a value whose type must hold no function, checked when the declaration's types are known. */
    void value(Type type, Position pos, int length, boolean argument) {
        ctx.deferred.values.add(new DeclContext.ValueUse(type, pos, length, argument));
    }

    /** With {@code expected} (and {@code why}, see {@link #checkAgainst}), each alternative is checked against it. */
    private Typed.Expr caseExpr(Expr.Case c, Locals locals, Type expected, Object why) {
        Typed.Expr scrutinee = infer(c.scrutinee(), locals);
        Type result = expected != null ? expected : u.fresh(null);
        List<Typed.Alt> alts = new ArrayList<>();
        List<Typed.Pattern> ps = new ArrayList<>();
        boolean first = true;
        for (Expr.Alt alt : c.alternatives()) {
            PatternChecker.Bound bound = patterns.check(alt.pattern(), scrutinee.type());
            if (expected != null) {
                Typed.Expr body = checkAgainst(alt.body(), expected, locals.bindAll(bound.vars()), "this alternative", why);
                alts.add(new Typed.Alt(bound.pattern(), body));
                ps.add(bound.pattern());
                continue;
            }
            Typed.Expr body = infer(alt.body(), locals.bindAll(bound.vars()));
            expect(body.type(), result, start(alt.body()), first ? mismatch("this alternative")
                    : (a, b) -> "the alternatives of 'case' have different types: this one has type " + a
                    + ", the ones before have type " + b);
            first = false;
            alts.add(new Typed.Alt(bound.pattern(), body));
            ps.add(bound.pattern());
        }
        patterns.checkAlternatives(ps, c.pos());
        return new Typed.Case(scrutinee, alts, result, c.pos());
    }

    /** A data type instantiated with fresh variables, and the field types of one of its constructors. */
    record DataInstance(Type type, List<Type> fields) {
        static DataInstance of(DataType d, int index, Unifier u) {
            java.util.Map<Integer, Type> map = new java.util.HashMap<>();
            List<Type> args = new ArrayList<>();
            for (Type.Var p : d.params()) {
                Type.Var v = u.fresh(p.hint());
                map.put(p.id(), v);
                args.add(v);
            }
            List<Type> fields = new ArrayList<>();
            for (Type f : d.constructors().get(index).fields()) fields.add(Unifier.substitute(f, map));
            return new DataInstance(new Type.Con(d.qualifiedName(), args), fields);
        }
    }

    private Typed.Expr binary(Expr.Binary b, Locals locals) {
        BinaryOp op = b.op();
        String sym = op.symbol();
        Typed.Expr l = infer(b.left(), locals);
        Typed.Expr r = infer(b.right(), locals);
        switch (op) {
            case OR, AND -> {
                operand(l, Type.BOOL, b.left(), "left", sym);
                operand(r, Type.BOOL, b.right(), "right", sym);
                return new Typed.Binary(op, l, r, Type.BOOL, Type.BOOL, b.pos());
            }
            case CONCAT -> {
                Type left = u.resolve(l.type());
                if (!(left instanceof Type.Var) && !Type.isList(left)) operand(l, Type.STRING, b.left(), "left", sym);
                expect(r.type(), l.type(), start(b.right()),
                        (a, e) -> "type mismatch: the operands of '++' have different types: " + e + " and " + a);
                ctx.deferred.concats.add(new DeclContext.Concat(l.type(), b.pos()));
                return new Typed.Binary(op, l, r, l.type(), l.type(), b.pos());
            }
            case ADD, SUB, MUL, DIV, MOD -> {
                operand(l, Type.INT, b.left(), "left", sym);
                operand(r, Type.INT, b.right(), "right", sym);
                return new Typed.Binary(op, l, r, Type.INT, Type.INT, b.pos());
            }
            default -> {
                expect(r.type(), l.type(), () -> start(b.right()), 1,
                        (a, e) -> "type mismatch: the operands of '" + sym + "' have different types: " + e + " and " + a);
                Type operands = l.type();
                if (op == BinaryOp.EQ || op == BinaryOp.NE) {
                    if (TypeResolver.mentionsFunction(u.zonk(operands))) {
                        env.error(b.pos(), sym.length(), "'" + sym + "' cannot compare functions");
                    }
                } else {
                    ctx.orderings.add(new DeclContext.Ordering(sym, operands, b.pos()));
                }
                return new Typed.Binary(op, l, r, operands, Type.BOOL, b.pos());
            }
        }
    }

    private void operand(Typed.Expr t, Type expected, Expr e, String side, String sym) {
        expect(t.type(), expected, () -> start(e), 1, (a, b) -> "type mismatch: the " + side + " operand of '" + sym + "' has type " + a
                + ", but '" + sym + "' needs " + b);
    }
}
