package hotsm.compiler.types;

import hotsm.compiler.resolve.Binder;
import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Cmd;
import hotsm.compiler.syntax.CmdVisitor;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Proc;
import hotsm.compiler.syntax.QualName;
import hotsm.compiler.syntax.StmtVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks arrow notation (LANGUAGE.md §7): {@code proc}, {@code f -< e},
 * {@code do}, and {@code case}/{@code if} commands. In {@code f -< e} the
 * arrow {@code f} is resolved like GHC does it: the variables bound by
 * {@code proc} and {@code <-} are not in scope there, only named arrows are;
 * {@code get}/{@code put} exist only in a machine's step and where block.
 */
final class CmdChecker {
    private final ExprChecker exprs;
    private final ProgramEnv env;
    private final Unifier u;

    CmdChecker(ExprChecker exprs) {
        this.exprs = exprs;
        this.env = exprs.env;
        this.u = exprs.u;
    }

    /** {@code proc p -> cmd} as an arrow {@code from -> to}. */
    Typed.Proc proc(Proc p, Type from, Type to, Locals locals) {
        PatternChecker.Bound bound = exprs.patterns.irrefutable(p.parameter(), from, "a 'proc'");
        if (!(u.zonk(to) instanceof Type.Var)) {
            // The result type is known (a machine's output, a signature): each branch is checked against it.
            Typed.Cmd body = against(p.body(), locals.bindAll(bound.vars()), to);
            return new Typed.Proc(bound.pattern(), body, new Type.Fun(from, to), p.pos());
        }
        Typed.Cmd body = cmd(p.body(), locals.bindAll(bound.vars()));
        exprs.expect(body.type(), to, p.body().pos(), ExprChecker.mismatch("the result of this arrow"));
        return new Typed.Proc(bound.pattern(), body, new Type.Fun(from, to), p.pos());
    }

    /**
     * Checks {@code c} against a result type known in advance: {@code if},
     * {@code case} and a {@code do} block's last command pass it on, so a
     * wrong branch is reported where it is and the good ones are not blamed.
     */
    private Typed.Cmd against(Cmd c, Locals locals, Type expected) {
        if (c instanceof Cmd.If i) {
            Typed.Expr cond = exprs.infer(i.condition(), locals);
            exprs.expect(cond.type(), Type.BOOL, ExprChecker.start(i.condition()),
                    (a, b) -> "the condition of 'if' must be a Bool, but it has type " + a);
            Typed.Cmd th = against(i.then(), locals, expected);
            Typed.Cmd el = against(i.otherwise(), locals, expected);
            return new Typed.IfCmd(cond, th, el, expected, i.pos());
        }
        if (c instanceof Cmd.Case cs) {
            Typed.Expr scrutinee = exprs.infer(cs.scrutinee(), locals);
            List<Typed.CmdAlt> alts = new ArrayList<>();
            List<Typed.Pattern> ps = new ArrayList<>();
            for (Cmd.Alt alt : cs.alternatives()) {
                PatternChecker.Bound bound = exprs.patterns.check(alt.pattern(), scrutinee.type());
                alts.add(new Typed.CmdAlt(bound.pattern(), against(alt.body(), locals.bindAll(bound.vars()), expected)));
                ps.add(bound.pattern());
            }
            exprs.patterns.checkAlternatives(ps, cs.pos());
            return new Typed.CaseCmd(scrutinee, alts, expected, cs.pos());
        }
        if (c instanceof Cmd.Do d) return doBlock(d, locals, expected);
        Typed.Cmd t = cmd(c, locals);
        exprs.expect(t.type(), expected, c.pos(), ExprChecker.mismatch("the result of this arrow"));
        return t;
    }

    Typed.Cmd cmd(Cmd c, Locals locals) {
        return new CmdVisitor<Typed.Cmd>() {
            @Override public Typed.Cmd visitFeed(Cmd.Feed f) { return feed(f, locals); }

            @Override public Typed.Cmd visitDo(Cmd.Do d) { return doBlock(d, locals); }

            @Override public Typed.Cmd visitIf(Cmd.If i) {
                Typed.Expr cond = exprs.infer(i.condition(), locals);
                exprs.expect(cond.type(), Type.BOOL, ExprChecker.start(i.condition()),
                        (a, b) -> "the condition of 'if' must be a Bool, but it has type " + a);
                Typed.Cmd th = cmd(i.then(), locals);
                Typed.Cmd el = cmd(i.otherwise(), locals);
                exprs.expect(el.type(), th.type(), i.otherwise().pos(),
                        (a, b) -> "the branches of 'if' have different types: 'then' gives " + b + ", 'else' gives " + a);
                return new Typed.IfCmd(cond, th, el, th.type(), i.pos());
            }

            @Override public Typed.Cmd visitCase(Cmd.Case cs) { return caseCmd(cs, locals); }
        }.visit(c);
    }

    private Typed.Cmd caseCmd(Cmd.Case cs, Locals locals) {
        Typed.Expr scrutinee = exprs.infer(cs.scrutinee(), locals);
        Type result = u.fresh(null);
        List<Typed.CmdAlt> alts = new ArrayList<>();
        List<Typed.Pattern> ps = new ArrayList<>();
        boolean first = true;
        for (Cmd.Alt alt : cs.alternatives()) {
            PatternChecker.Bound bound = exprs.patterns.check(alt.pattern(), scrutinee.type());
            Typed.Cmd body = cmd(alt.body(), locals.bindAll(bound.vars()));
            exprs.expect(body.type(), result, alt.body().pos(), first ? ExprChecker.mismatch("this alternative")
                    : (a, b) -> "the alternatives of 'case' have different types: this one gives " + a
                    + ", the ones before give " + b);
            first = false;
            alts.add(new Typed.CmdAlt(bound.pattern(), body));
            ps.add(bound.pattern());
        }
        exprs.patterns.checkAlternatives(ps, cs.pos());
        return new Typed.CaseCmd(scrutinee, alts, result, cs.pos());
    }

    private Typed.Cmd doBlock(Cmd.Do d, Locals locals) { return doBlock(d, locals, null); }

    /** With {@code expected} (not null), the last command is checked against it ({@link #against}). */
    private Typed.Cmd doBlock(Cmd.Do d, Locals locals, Type expected) {
        List<Typed.Stmt> stmts = new ArrayList<>();
        Statements statements = new Statements(locals);
        for (Cmd.Stmt s : d.statements()) stmts.add(statements.visit(s));
        locals = statements.locals;
        Typed.Cmd last = expected != null ? against(d.last(), locals, expected) : cmd(d.last(), locals);
        return new Typed.Do(stmts, last, expected != null ? expected : last.type(), d.pos());
    }

    /** The statements of one {@code do} block in order: {@code locals} grows with what each binds. */
    private final class Statements implements StmtVisitor<Typed.Stmt> {
        private Locals locals;

        Statements(Locals locals) { this.locals = locals; }

        @Override public Typed.Stmt visitBind(Cmd.Bind b) {
            Typed.Cmd c = cmd(b.cmd(), locals);
            PatternChecker.Bound bound = exprs.patterns.irrefutable(b.pattern(), c.type(), "a '<-'");
            locals = locals.bindAll(bound.vars());
            return new Typed.Bind(bound.pattern(), c);
        }

        @Override public Typed.Stmt visitExec(Cmd.Exec x) { return new Typed.Exec(cmd(x.cmd(), locals)); }

        @Override public Typed.Stmt visitLetStmt(Cmd.LetStmt l) {
            Typed.Expr value = exprs.infer(l.value(), locals);
            PatternChecker.Bound bound = exprs.patterns.irrefutable(l.pattern(), value.type(), "a 'let'");
            locals = locals.bindAll(bound.vars());
            return new Typed.LetStmt(bound.pattern(), value);
        }
    }

    /** What an arrow name denotes, and its type. */
    private record Arrow(Typed.ArrowRef ref, Type from, Type to) {}

    private Typed.Cmd feed(Cmd.Feed f, Locals locals) {
        if (exprs.ctx.scope.lookup(Namespace.VALUE, f.arrow()) instanceof ModuleScope.Found fd
                && fd.entity() instanceof Entity.Primitive p && p.special() != null
                && (f.arrow().qualifier().isPresent() || exprs.calls.whereLocal(f.arrow().name(), f.arrow().pos()).isEmpty())) {
            // show, error and the folds are built per use, so 'show -< e' is 'returnA -< show e' (LANGUAGE.md §7: a function as an arrow)
            Typed.Expr value = exprs.infer(new Expr.App(new Expr.Var(f.arrow(), f.arrow().pos()), List.of(f.input()), f.pos()), locals);
            return new Typed.Feed(new Typed.ReturnA(), value, value.type(), f.pos());
        }
        Arrow arrow = arrow(f.arrow(), locals);
        Typed.Expr input = exprs.infer(f.input(), locals);
        String name = f.arrow().toString();
        exprs.expect(input.type(), arrow.from(), ExprChecker.start(f.input()), (a, b) -> "type mismatch: the input fed to '" + name
                + "' has type " + a + ", but '" + name + "' expects " + b);
        return new Typed.Feed(arrow.ref(), input, arrow.to(), f.pos());
    }

    private Arrow arrow(QualName q, Locals locals) {
        String name = q.toString();
        DeclContext ctx = exprs.ctx;
        if (q.qualifier().isEmpty()) {
            switch (name) {
                case "returnA" -> {
                    Type v = u.fresh(null);
                    return new Arrow(new Typed.ReturnA(), v, v);
                }
                case "get", "put" -> {
                    Type state = Unifier.ERROR;
                    if (ctx.machine == null) {
                        env.error(q.pos(), name.length(), "get/put are only available inside a machine (its step and its"
                                + " where block); functions and migrations are pure");
                    } else {
                        state = ctx.machine.state();
                    }
                    return name.equals("get") ? new Arrow(new Typed.GetArrow(), Type.UNIT, state)
                            : new Arrow(new Typed.PutArrow(), state, Type.UNIT);
                }
                default -> { }
            }
            Optional<DeclContext.LocalRef> local = exprs.calls.whereLocal(name, q.pos());
            if (local.isPresent()) return typed(new Typed.LocalArrow(local.get().key()), local.get().type());
        }
        ModuleScope.Lookup found = ctx.scope.lookup(Namespace.VALUE, q);
        if (found instanceof ModuleScope.Found fd) {
            Entity e = fd.entity();
            if (e instanceof Entity.Primitive p) {   // not special: feed() made those 'returnA -< f e'
                return typed(new Typed.PrimArrow(p.op()), env.schemes.get(p.qualifiedName()).instantiate(u).type());
            }
            if (!(e instanceof Entity.Value v)) throw new IllegalStateException("the value namespace holds " + e);
            if (v.decl() instanceof Decl.Function fn && fn.parameter().isEmpty()) {
                env.error(q.pos(), name.length(), "'" + name + "' is a constant, not an arrow: feed it to 'returnA' instead");
                return new Arrow(new Typed.ReturnA(), Unifier.ERROR, Unifier.ERROR);
            }
            Scheme.Instance inst = ctx.module.schemeOf(v, q.pos()).instantiate(u);
            return typed(new Typed.FunctionArrow(v.qualifiedName(), inst.typeArgs()), inst.type());
        }
        if (q.qualifier().isEmpty() && locals.lookup(name) != null) {
            env.error(q.pos(), name.length(), "'" + name + "' is bound by 'proc' or '<-', so it is not in scope to the"
                    + " left of '-<': only named arrows (functions, local arrows, get, put, returnA) can be fed");
        } else {
            String message = found.message();
            if (q.qualifier().isEmpty() && !message.contains("did you mean")) {
                java.util.Set<String> known = new java.util.HashSet<>(Binder.PREDEFINED_ARROWS);
                if (ctx.machine != null) known.addAll(ctx.machine.names());
                message += hotsm.compiler.resolve.Suggestions.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
            }
            env.error(q.pos(), name.length(), message);
        }
        return new Arrow(new Typed.ReturnA(), Unifier.ERROR, Unifier.ERROR);
    }

    private Arrow typed(Typed.ArrowRef ref, Type type) {
        Type from = u.fresh(null);
        Type to = u.fresh(null);
        u.unify(type, new Type.Fun(from, to));
        return new Arrow(ref, from, to);
    }
}
