package hotsm.compiler.types;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SigType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A primitive's type as the vm's {@link PrimOp} table states it (one fact,
 * one place): a standard module's signature for {@code name = primitive "OP"}
 * must say the same, up to the names of its type variables.
 */
final class PrimitiveTypes {
    private PrimitiveTypes() {}

    /** {@code op}'s type from the table; empty if it uses an erased sum (not a source type). */
    static Optional<Type> of(PrimOp op, Unifier u) {
        Map<String, Type> vars = new HashMap<>();
        Type in = type(op.signature().input(), vars, u);
        Type out = type(op.signature().output(), vars, u);
        return in == null || out == null ? Optional.empty() : Optional.of(new Type.Fun(in, out));
    }

    private static Type type(SigType t, Map<String, Type> vars, Unifier u) {
        if (t instanceof SigType.Var v) return vars.computeIfAbsent(v.name(), u::fresh);
        if (t instanceof SigType.Unit) return Type.UNIT;
        if (t instanceof SigType.Tuple tu) {
            List<Type> cs = new ArrayList<>();
            for (SigType c : tu.components()) {
                Type ct = type(c, vars, u);
                if (ct == null) return null;
                cs.add(ct);
            }
            return new Type.Tuple(cs);
        }
        if (t instanceof SigType.Named n) {
            List<Type> args = new ArrayList<>();
            for (SigType a : n.arguments()) {
                Type at = type(a, vars, u);
                if (at == null) return null;
                args.add(at);
            }
            return switch (n.name()) {
                case "Int" -> Type.INT;
                case "String" -> Type.STRING;
                case "Bool" -> Type.BOOL;
                case "Maybe" -> new Type.Con("Prelude.Maybe", args);
                default -> new Type.Con(n.name(), args); // List, Map
            };
        }
        return null; // an erased sum
    }

    /** Whether {@code declared} is {@code table} up to a renaming of type variables (a bijection). */
    static boolean same(Type declared, Type table, Unifier u) {
        return alpha(u.zonk(declared), u.zonk(table), new HashMap<>(), new HashMap<>());
    }

    private static boolean alpha(Type a, Type b, Map<Integer, Integer> ab, Map<Integer, Integer> ba) {
        if (a instanceof Type.Var va && b instanceof Type.Var vb) {
            return ab.computeIfAbsent(va.id(), k -> vb.id()) == vb.id() && ba.computeIfAbsent(vb.id(), k -> va.id()) == va.id();
        }
        if (a instanceof Type.Con ca && b instanceof Type.Con cb) return ca.name().equals(cb.name()) && all(ca.args(), cb.args(), ab, ba);
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) return all(ta.components(), tb.components(), ab, ba);
        if (a instanceof Type.Fun fa && b instanceof Type.Fun fb) return alpha(fa.from(), fb.from(), ab, ba) && alpha(fa.to(), fb.to(), ab, ba);
        return a instanceof Type.Unit && b instanceof Type.Unit;
    }

    private static boolean all(List<Type> as, List<Type> bs, Map<Integer, Integer> ab, Map<Integer, Integer> ba) {
        if (as.size() != bs.size()) return false;
        for (int i = 0; i < as.size(); i++) if (!alpha(as.get(i), bs.get(i), ab, ba)) return false;
        return true;
    }
}
