package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Pattern;
import hotsm.compiler.syntax.PatternVisitor;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks patterns against the type of what they match, collects the variables
 * they bind (renamed unique within the declaration), and checks that a
 * {@code case} is exhaustive with no unreachable alternative and that the
 * patterns of {@code proc}, {@code <-}, {@code let} and parameters cannot fail.
 */
final class PatternChecker {
    /** A checked pattern and its variables, in order, by source name. */
    record Bound(Typed.Pattern pattern, Map<String, Locals.Var> vars) {}

    private final ExprChecker exprs;
    private final ProgramEnv env;

    PatternChecker(ExprChecker exprs) {
        this.exprs = exprs;
        this.env = exprs.env;
    }

    Bound check(Pattern p, Type expected) {
        Map<String, Locals.Var> vars = new LinkedHashMap<>();
        Typed.Pattern t = pattern(p, expected, vars);
        return new Bound(t, vars);
    }

    /** A pattern that must match every value: {@code where} says where it is, for the message. */
    Bound irrefutable(Pattern p, Type expected, String where) {
        Bound b = check(p, expected);
        Optional<String> missing = new Exhaustiveness(env.dataTypes).missing(List.of(b.pattern()));
        missing.ifPresent(m -> env.error(p.pos(), "the pattern of " + where + " can fail: it does not match '" + m
                + "'; use 'case' to handle every alternative"));
        return b;
    }

    /** The alternatives of one {@code case}: none unreachable, together exhaustive. */
    void checkAlternatives(List<Typed.Pattern> alternatives, Position casePos) {
        Exhaustiveness ex = new Exhaustiveness(env.dataTypes);
        for (int i = 0; i < alternatives.size(); i++) {
            if (!ex.useful(alternatives.subList(0, i), alternatives.get(i))) {
                Typed.Pattern p = alternatives.get(i);
                env.error(p.pos(), "unreachable alternative: '" + ex.show(p)
                        + "' is already matched by the alternatives before it");
            }
        }
        List<String> missing = ex.missingAll(alternatives, 4);
        if (!missing.isEmpty()) {
            String hint = missing.contains("_") ? " (literal patterns need a final '_' alternative)" : "";
            env.error(casePos, 4, "case is not exhaustive: missing '" + String.join("', '", missing) + "'" + hint);
        }
    }

    private Typed.Pattern pattern(Pattern p, Type expected, Map<String, Locals.Var> vars) {
        return new Checking(expected, vars).visit(p);
    }

    /** Checks one pattern node against {@code expected}, adding its variables to {@code vars}. */
    private final class Checking implements PatternVisitor<Typed.Pattern> {
        private final Type expected;
        private final Map<String, Locals.Var> vars;
        private final Unifier u = env.unifier;

        Checking(Type expected, Map<String, Locals.Var> vars) {
            this.expected = expected;
            this.vars = vars;
        }

        @Override public Typed.Pattern visitWild(Pattern.Wild w) { return new Typed.PWild(expected, w.pos()); }

        @Override public Typed.Pattern visitVar(Pattern.Var v) {
            if (vars.containsKey(v.name())) {
                env.error(v.pos(), v.name().length(), "the variable '" + v.name() + "' is bound twice in this pattern");
            }
            String unique = exprs.ctx.unique(v.name());
            vars.put(v.name(), new Locals.Var(unique, expected));
            return new Typed.PVar(unique, expected, v.pos());
        }

        // A pattern of the wrong type gets the error type: exhaustiveness then leaves its case alone.
        @Override public Typed.Pattern visitIntLit(Pattern.IntLit i) {
            return new Typed.PInt(i.value(), literal(Type.INT, expected, i), i.pos());
        }

        @Override public Typed.Pattern visitStrLit(Pattern.StrLit s) {
            return new Typed.PStr(s.value(), literal(Type.STRING, expected, s), s.pos());
        }

        @Override public Typed.Pattern visitUnit(Pattern.Unit un) { return new Typed.PUnit(literal(Type.UNIT, expected, un), un.pos()); }

        @Override public Typed.Pattern visitTuple(Pattern.Tuple t) {
            List<Type> fresh = new ArrayList<>();
            for (int i = 0; i < t.components().size(); i++) fresh.add(u.fresh(null));
            Type tuple = new Type.Tuple(fresh);
            boolean ok = exprs.expect(tuple, expected, t.pos(), (a, b) -> "type mismatch: this pattern matches values of type "
                    + a + ", but the value has type " + b);
            List<Typed.Pattern> cs = new ArrayList<>();
            for (int i = 0; i < t.components().size(); i++) {
                cs.add(pattern(t.components().get(i), ok ? fresh.get(i) : Unifier.ERROR, vars));
            }
            return new Typed.PTuple(cs, ok ? tuple : Unifier.ERROR, t.pos());
        }

        @Override public Typed.Pattern visitListPat(Pattern.ListPat l) {
            Type element = u.fresh(null);
            Type list = Type.list(element);
            boolean ok = exprs.expect(list, expected, l.pos(), (a, b) -> "type mismatch: this pattern matches lists, "
                    + "but the value has type " + b);
            List<Typed.Pattern> elements = new ArrayList<>();
            for (Pattern x : l.elements()) elements.add(pattern(x, ok ? element : Unifier.ERROR, vars));
            Typed.Pattern out = new Typed.PNil(ok ? list : Unifier.ERROR, l.pos());
            for (int i = elements.size() - 1; i >= 0; i--) {
                out = new Typed.PCons(elements.get(i), out, ok ? list : Unifier.ERROR, l.pos());
            }
            return out;
        }

        @Override public Typed.Pattern visitCons(Pattern.Cons c) {
            Type element = u.fresh(null);
            Type list = Type.list(element);
            boolean ok = exprs.expect(list, expected, c.pos(), 2, (a, b) -> "type mismatch: the pattern '::' matches lists, "
                    + "but the value has type " + b);
            Typed.Pattern head = pattern(c.head(), ok ? element : Unifier.ERROR, vars);
            Typed.Pattern tail = pattern(c.tail(), ok ? list : Unifier.ERROR, vars);
            return new Typed.PCons(head, tail, ok ? list : Unifier.ERROR, c.pos());
        }

        @Override public Typed.Pattern visitRecord(Pattern.Record r) { return record(r, expected, vars); }

        @Override public Typed.Pattern visitCon(Pattern.Con c) { return constructor(c, expected, vars); }
    }

    /** {@code C { f = p, ... }}: the fields named are matched, the others are wildcards ({@code C {}} matches any C). */
    private Typed.Pattern record(Pattern.Record r, Type expected, Map<String, Locals.Var> vars) {
        String name = r.constructor().toString();
        ModuleScope.Lookup found = exprs.ctx.scope.lookup(Namespace.CONSTRUCTOR, r.constructor());
        if (!(found instanceof ModuleScope.Found fd && fd.entity() instanceof Entity.Constructor con)) {
            env.error(r.constructor().pos(), name.length(), found.message());
            for (Pattern.FieldPat f : r.fields()) pattern(f.pattern(), Unifier.ERROR, vars);
            return new Typed.PWild(Unifier.ERROR, r.pos());
        }
        DataType.Constructor k = env.dataType(con).constructors().get(con.index());
        ExprChecker.DataInstance inst = ExprChecker.DataInstance.of(env.dataType(con), con.index(), env.unifier);
        boolean ok = exprs.expect(inst.type(), expected, r.pos(), name.length(), (a, b) -> "type mismatch: the pattern '"
                + name + "' matches values of type " + a + ", but the value has type " + b);
        Typed.Pattern[] args = new Typed.Pattern[k.fields().size()];
        boolean unknownField = false;
        for (Pattern.FieldPat f : r.fields()) {
            int i = k.fieldNames().indexOf(f.name());
            if (i < 0) {
                env.error(f.pos(), f.name().length(), k.isRecord() ? "the record '" + name + "' has no field '" + f.name()
                        + "' (its fields: " + String.join(", ", k.fieldNames()) + ")"
                        : "the constructor '" + name + "' has no field names: match it positionally");
                pattern(f.pattern(), Unifier.ERROR, vars);
                unknownField = true;
                continue;
            }
            if (args[i] != null) {
                env.error(f.pos(), f.name().length(), "the field '" + f.name() + "' is matched twice");
                continue;
            }
            args[i] = pattern(f.pattern(), ok ? inst.fields().get(i) : Unifier.ERROR, vars);
        }
        List<Typed.Pattern> all = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            all.add(args[i] != null ? args[i] : new Typed.PWild(ok ? inst.fields().get(i) : Unifier.ERROR, r.pos()));
        }
        if (unknownField) return new Typed.PWild(Unifier.ERROR, r.pos());   // not "unreachable" blame on the alternatives after it
        return new Typed.PCon(con.dataTypeName(), con.index(), all, ok ? inst.type() : Unifier.ERROR, r.pos());
    }

    private Type literal(Type type, Type expected, Pattern p) {
        boolean ok = exprs.expect(type, expected, p.pos(), (a, b) -> "type mismatch: this pattern matches values of type " + a
                + ", but the value has type " + b);
        return ok ? type : Unifier.ERROR;
    }

    private Typed.Pattern constructor(Pattern.Con c, Type expected, Map<String, Locals.Var> vars) {
        String name = c.constructor().toString();
        ModuleScope.Lookup found = exprs.ctx.scope.lookup(Namespace.CONSTRUCTOR, c.constructor());
        if (!(found instanceof ModuleScope.Found fd && fd.entity() instanceof Entity.Constructor con)) {
            env.error(c.constructor().pos(), name.length(), found.message());
            for (Pattern a : c.args()) pattern(a, Unifier.ERROR, vars);
            return new Typed.PWild(Unifier.ERROR, c.pos());
        }
        ExprChecker.DataInstance inst = ExprChecker.DataInstance.of(env.dataType(con), con.index(), env.unifier);
        boolean ok = exprs.expect(inst.type(), expected, c.pos(), name.length(), (a, b) -> "type mismatch: the pattern '"
                + name + "' matches values of type " + a + ", but the value has type " + b);
        if (c.args().size() != inst.fields().size()) {
            env.error(c.pos(), name.length(), "the constructor '" + name + "' has "
                    + TypeResolver.plural(inst.fields().size(), "field") + ", but this pattern gives " + c.args().size());
            for (Pattern a : c.args()) pattern(a, Unifier.ERROR, vars);
            return new Typed.PWild(Unifier.ERROR, c.pos());
        }
        List<Typed.Pattern> args = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            args.add(pattern(c.args().get(i), ok ? inst.fields().get(i) : Unifier.ERROR, vars));
        }
        return new Typed.PCon(con.dataTypeName(), con.index(), args, ok ? inst.type() : Unifier.ERROR, c.pos());
    }
}
