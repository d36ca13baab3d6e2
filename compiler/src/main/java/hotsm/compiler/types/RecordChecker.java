package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records (LANGUAGE.md §14): construction {@code C { f = e }} is checked at
 * once (the constructor names the type); access {@code e.f} and update
 * {@code e { f = e' }} wait until the enclosing declaration's types are
 * inferred ({@link #resolveAll}), then resolve {@code f} by the type of
 * {@code e}, so field names may repeat across data types.
 */
final class RecordChecker {
    /** An access or update waiting for the type of its record; {@code values} is empty for an access. */
    record Pending(Type record, List<Typed.FieldRef> refs, List<Type> values, List<Position> valuePositions,
                   Position pos, String what) {}

    private final ExprChecker exprs;

    RecordChecker(ExprChecker exprs) { this.exprs = exprs; }

    Typed.Expr access(Expr.Field f, Locals locals) {
        Typed.Expr record = exprs.infer(f.record(), locals);
        Type result = exprs.u.fresh(null);
        Typed.FieldRef ref = new Typed.FieldRef(f.field());
        exprs.ctx.deferred.fields.add(new Pending(record.type(), List.of(ref), List.of(result), List.of(f.pos()), f.pos(),
                "'." + f.field() + "'"));
        return new Typed.Field(record, ref, result, f.pos());
    }

    Typed.Expr update(Expr.RecordUpdate up, Locals locals) {
        Typed.Expr record = exprs.infer(up.record(), locals);
        List<Typed.FieldRef> refs = new ArrayList<>();
        List<Typed.Expr> values = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Expr.FieldBind b : up.fields()) {
            if (!seen.add(b.name())) exprs.env.error(b.pos(), b.name().length(), "the field '" + b.name() + "' is given twice");
            refs.add(new Typed.FieldRef(b.name()));
            Typed.Expr v = exprs.infer(b.value(), locals);
            values.add(v);
            types.add(v.type());
            positions.add(ExprChecker.start(b.value()));
        }
        exprs.ctx.deferred.fields.add(new Pending(record.type(), refs, types, positions, up.pos(), "this update"));
        return new Typed.Update(record, refs, values, record.type(), up.pos());
    }

    /** {@code C { f = e, ... }}: every field of the record constructor exactly once, in any order. */
    Typed.Expr construct(Expr.RecordCon r, Locals locals) {
        ModuleScope.Lookup found = exprs.ctx.scope.lookup(Namespace.CONSTRUCTOR, r.constructor());
        String name = r.constructor().toString();
        if (!(found instanceof ModuleScope.Found fd && fd.entity() instanceof Entity.Constructor c)) {
            exprs.env.error(r.constructor().pos(), name.length(), found.message());
            r.fields().forEach(b -> exprs.infer(b.value(), locals));
            return new Typed.UnitLit(Unifier.ERROR, r.pos());
        }
        DataType.Constructor k = exprs.env.dataType(c).constructors().get(c.index());
        ExprChecker.DataInstance inst = ExprChecker.DataInstance.of(exprs.env.dataType(c), c.index(), exprs.u);
        if (!k.isRecord()) {
            exprs.env.error(r.pos(), name.length(), "the constructor '" + name + "' has no field names: apply it to its "
                    + TypeResolver.plural(k.fields().size(), "argument") + " in order");
            r.fields().forEach(b -> exprs.infer(b.value(), locals));
            return new Typed.UnitLit(inst.type(), r.pos());
        }
        Typed.Expr[] args = new Typed.Expr[k.fields().size()];
        for (Expr.FieldBind b : r.fields()) {
            int i = k.fieldNames().indexOf(b.name());
            Typed.Expr v = exprs.infer(b.value(), locals);
            if (i < 0) {
                exprs.env.error(b.pos(), b.name().length(), "the record '" + name + "' has no field '" + b.name()
                        + "' (its fields: " + String.join(", ", k.fieldNames()) + ")");
                continue;
            }
            if (args[i] != null) {
                exprs.env.error(b.pos(), b.name().length(), "the field '" + b.name() + "' is given twice");
                continue;
            }
            exprs.expect(v.type(), inst.fields().get(i), ExprChecker.start(b.value()), (a, e) -> "type mismatch: the field '"
                    + b.name() + "' of '" + name + "' has type " + e + ", but here it is given " + a);
            args[i] = v;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                missing.add(k.fieldNames().get(i));
                args[i] = new Typed.UnitLit(Unifier.ERROR, r.pos());
            }
        }
        if (!missing.isEmpty()) {
            exprs.env.error(r.pos(), name.length(), "the construction of '" + name + "' misses the field"
                    + (missing.size() == 1 ? " '" : "s '") + String.join("', '", missing) + "': give every field");
        }
        return new Typed.Construct(c.dataTypeName(), c.index(), List.of(args), inst.type(), r.pos());
    }

    /** Resolves every pending access and update whose record type is known, until none is left or none can be. */
    static void resolveAll(DeclContext ctx) {
        List<Pending> pending = ctx.deferred.fields;
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Pending p : List.copyOf(pending)) {
                Type t = ctx.env.unifier.resolve(p.record());
                if (t instanceof Type.Var) continue;
                pending.remove(p);
                progress = true;
                resolve(ctx, p, t);
            }
        }
        for (Pending p : pending) {
            Type t = ctx.env.unifier.resolve(p.record());
            if (t instanceof Type.Var v && ctx.env.unifier.isRigid(v)) {
                ctx.env.error(p.pos(), 1, p.what() + " needs a record, but the signature gives this value the type variable '"
                        + TypePrinter.print(v) + "': fields are found by the record's type, so name the type in the signature");
            } else {
                ctx.env.error(p.pos(), 1, "the type of the record in " + p.what() + " is not known here: "
                        + "add a signature to the enclosing function (fields are found by the record's type)");
            }
        }
        pending.clear();
    }

    private static void resolve(DeclContext ctx, Pending p, Type t) {
        ProgramEnv env = ctx.env;
        if (t.equals(Unifier.ERROR)) return;
        String shown = TypePrinter.print(env.unifier.zonk(t));
        DataType dt = t instanceof Type.Con c ? env.dataTypes.get(c.name()) : null;
        if (dt == null) {
            env.error(p.pos(), 1, "the type " + shown + " has no fields, but " + p.what() + " needs a record");
            return;
        }
        if (dt.constructors().size() != 1) {
            env.error(p.pos(), 1, p.what() + " needs a record type with one constructor, but '" + dt.name() + "' has "
                    + dt.constructors().size() + " constructors: use 'case' to match them");
            return;
        }
        DataType.Constructor k = dt.constructors().get(0);
        ExprChecker.DataInstance inst = ExprChecker.DataInstance.of(dt, 0, env.unifier);
        env.unifier.unify(inst.type(), t);
        for (int j = 0; j < p.refs().size(); j++) {
            Typed.FieldRef ref = p.refs().get(j);
            int i = k.fieldNames().indexOf(ref.name());
            if (i < 0) {
                env.error(p.valuePositions().get(j), 1, k.isRecord()
                        ? "the record type '" + dt.name() + "' has no field '" + ref.name() + "' (its fields: "
                                + String.join(", ", k.fieldNames()) + ")"
                        : "the type '" + dt.name() + "' has no field names, so no field '" + ref.name() + "'");
                continue;
            }
            ref.resolve(dt.qualifiedName(), i);
            Type field = inst.fields().get(i);
            Type value = p.values().get(j);
            if (!env.unifier.unify(value, field)) {
                TypePrinter printer = new TypePrinter();
                env.error(p.valuePositions().get(j), 1, "type mismatch: the field '" + ref.name() + "' of '" + dt.name()
                        + "' has type " + printer.show(env.unifier.zonk(field)) + ", but here it is given "
                        + printer.show(env.unifier.zonk(value)));
            }
        }
    }
}
