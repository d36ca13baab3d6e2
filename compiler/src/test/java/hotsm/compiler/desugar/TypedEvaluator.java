package hotsm.compiler.desugar;

import hotsm.compiler.ir.IrRuntimeError;
import hotsm.compiler.ir.Primitives;
import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.types.Typed;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A direct, environment-passing evaluator of closed checked expressions over
 * Int, Bool, Maybe, tuples, lists of Int (folds, list patterns) and a record, written independently of the desugarer: the
 * oracle of its property test. Values are in the erased representation.
 */
final class TypedEvaluator {
    private TypedEvaluator() {}

    static Value eval(Typed.Expr e, Map<String, Value> env) {
        if (e instanceof Typed.IntLit i) return Value.of(i.value());
        if (e instanceof Typed.Local l) return env.get(l.name());
        if (e instanceof Typed.Negate n) return Value.of(-((Value.Int) eval(n.operand(), env)).value());
        if (e instanceof Typed.Tuple t) {
            List<Typed.Expr> cs = t.components();
            Value v = eval(cs.get(cs.size() - 1), env);
            for (int i = cs.size() - 2; i >= 0; i--) v = Value.pair(eval(cs.get(i), env), v);
            return v;
        }
        if (e instanceof Typed.ListLit l) {
            List<Value> vs = new java.util.ArrayList<>();
            for (Typed.Expr x : l.elements()) vs.add(eval(x, env));
            return Value.ListOf.of(vs);
        }
        if (e instanceof Typed.Cons c) {
            Value head = eval(c.head(), env);
            return ((Value.ListOf) eval(c.tail(), env)).cons(head);
        }
        if (e instanceof Typed.Fold f) {
            Typed.Lambda step = (Typed.Lambda) f.function();
            Value acc = eval(f.initial(), env);
            for (Value x : (Value.ListOf) eval(f.list(), env)) acc = eval(step.body(), bind(step.parameter(), Value.pair(acc, x), env));
            return acc;
        }
        if (e instanceof Typed.Field f) {
            Value.Pair r = (Value.Pair) eval(f.record(), env);   // Rec { n, ok } is (n, ok)
            return f.ref().index() == 0 ? r.first() : r.second();
        }
        if (e instanceof Typed.Update u) {
            Value.Pair r = (Value.Pair) eval(u.record(), env);
            return Value.pair(eval(u.values().get(0), env), r.second());   // the generator updates n only
        }
        if (e instanceof Typed.Construct c) {
            if (c.dataType().equals("Prelude.Bool")) return Value.bool(c.index() == 1);
            if (c.dataType().equals("T.Rec")) return Value.pair(eval(c.args().get(0), env), eval(c.args().get(1), env));
            return c.index() == 0 ? new Value.Inl(Value.UNIT) : new Value.Inr(eval(c.args().get(0), env));
        }
        if (e instanceof Typed.If i) return eval(truth(eval(i.condition(), env)) ? i.then() : i.otherwise(), env);
        if (e instanceof Typed.Let l) return eval(l.body(), bind(l.pattern(), eval(l.value(), env), env));
        if (e instanceof Typed.Case c) {
            Value v = eval(c.scrutinee(), env);
            for (Typed.Alt a : c.alternatives()) {
                Map<String, Value> inner = new HashMap<>(env);
                if (match(a.pattern(), v, inner)) return eval(a.body(), inner);
            }
            throw new IllegalStateException("no alternative matched");
        }
        Typed.Binary b = (Typed.Binary) e;
        if (b.op() == BinaryOp.AND) return truth(eval(b.left(), env)) ? eval(b.right(), env) : Value.FALSE;
        if (b.op() == BinaryOp.OR) return truth(eval(b.left(), env)) ? Value.TRUE : eval(b.right(), env);
        Value l = eval(b.left(), env);
        Value r = eval(b.right(), env);
        return switch (b.op()) {
            case ADD -> Value.of(num(l) + num(r));
            case SUB -> Value.of(num(l) - num(r));
            case MUL -> Value.of(num(l) * num(r));
            case DIV -> { if (num(r) == 0) throw new IrRuntimeError("division by zero"); yield Value.of(num(l) / num(r)); }
            case MOD -> { if (num(r) == 0) throw new IrRuntimeError("division by zero"); yield Value.of(num(l) % num(r)); }
            case EQ -> Value.bool(l.equals(r));
            case NE -> Value.bool(!l.equals(r));
            case LT -> Value.bool(ValueOrder.compare(l, r, Meter.FREE) < 0);
            case LE -> Value.bool(ValueOrder.compare(l, r, Meter.FREE) <= 0);
            case GT -> Value.bool(ValueOrder.compare(l, r, Meter.FREE) > 0);
            case GE -> Value.bool(ValueOrder.compare(l, r, Meter.FREE) >= 0);
            default -> Primitives.apply(PrimOp.CONCAT, Value.pair(l, r));
        };
    }

    private static long num(Value v) { return ((Value.Int) v).value(); }

    private static boolean truth(Value v) { return v.equals(Value.TRUE); }

    private static Map<String, Value> bind(Typed.Pattern p, Value v, Map<String, Value> env) {
        Map<String, Value> inner = new HashMap<>(env);
        if (!match(p, v, inner)) throw new IllegalStateException("irrefutable pattern refuted");
        return inner;
    }

    private static boolean match(Typed.Pattern p, Value v, Map<String, Value> out) {
        if (p instanceof Typed.PWild) return true;
        if (p instanceof Typed.PVar x) { out.put(x.name(), v); return true; }
        if (p instanceof Typed.PInt i) return v.equals(Value.of(i.value()));
        if (p instanceof Typed.PTuple t) {
            Value rest = v;
            List<Typed.Pattern> ps = t.components();
            for (int i = 0; i < ps.size() - 1; i++) {
                Value.Pair pair = (Value.Pair) rest;
                if (!match(ps.get(i), pair.first(), out)) return false;
                rest = pair.second();
            }
            return match(ps.get(ps.size() - 1), rest, out);
        }
        if (p instanceof Typed.PNil) return ((Value.ListOf) v).isEmpty();
        if (p instanceof Typed.PCons k) {
            Value.ListOf l = (Value.ListOf) v;
            return !l.isEmpty() && match(k.head(), l.head(), out) && match(k.tail(), l.tail(), out);
        }
        Typed.PCon c = (Typed.PCon) p;
        if (c.dataType().equals("Prelude.Bool")) return v.equals(Value.bool(c.index() == 1));
        if (c.index() == 0) return v instanceof Value.Inl;
        return v instanceof Value.Inr r && match(c.args().get(0), r.value(), out);
    }
}
