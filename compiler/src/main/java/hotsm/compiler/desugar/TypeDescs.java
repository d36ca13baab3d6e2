package hotsm.compiler.desugar;

import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.vm.types.TypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed compiler types to the named wire types of artifacts: data types by
 * their bare name ({@code Prelude.Bool} is {@code Bool}, {@code Counter1.Input}
 * is {@code Input}) with their constructors' fields instantiated. A type
 * variable left in a type (only possible for a REPL expression such as
 * {@code Nothing}) is described as {@code ()}, as the desugarer erases it.
 */
public final class TypeDescs {
    private TypeDescs() {}

    public static TypeDesc of(Type type, Map<String, DataType> dataTypes) {
        return of(type, dataTypes, Map.of());
    }

    private static TypeDesc of(Type type, Map<String, DataType> dataTypes, Map<Integer, Type> subst) {
        if (type instanceof Type.Var v) {
            Type bound = subst.get(v.id());
            return bound == null ? TypeDesc.UNIT : of(bound, dataTypes, Map.of());
        }
        if (type instanceof Type.Unit) return TypeDesc.UNIT;
        if (type instanceof Type.Tuple t) return new TypeDesc.Tuple(all(t.components(), dataTypes, subst));
        if (type instanceof Type.Fun f) throw new IllegalArgumentException("a function type has no wire description: " + f);
        Type.Con c = (Type.Con) type;
        if (c.name().equals("Int")) return TypeDesc.INT;
        if (c.name().equals("String")) return TypeDesc.STR;
        if (c.name().equals(Type.LIST)) return new TypeDesc.ListOf(of(c.args().get(0), dataTypes, subst));
        if (c.name().equals(Type.MAP)) {
            return new TypeDesc.MapOf(of(c.args().get(0), dataTypes, subst), of(c.args().get(1), dataTypes, subst));
        }
        DataType dt = dataTypes.get(c.name());
        if (dt == null) throw new IllegalArgumentException("unknown data type " + c.name());
        List<TypeDesc> args = all(c.args(), dataTypes, subst);
        Map<Integer, Type> inst = new HashMap<>();
        for (int i = 0; i < dt.params().size() && i < c.args().size(); i++) {
            inst.put(dt.params().get(i).id(), substitute(c.args().get(i), subst));
        }
        List<TypeDesc.Constructor> ctors = new ArrayList<>();
        for (DataType.Constructor k : dt.constructors()) {
            ctors.add(new TypeDesc.Constructor(k.name(), all(k.fields(), dataTypes, inst), k.fieldNames()));
        }
        return new TypeDesc.Data(dt.name(), args, ctors);
    }

    private static Type substitute(Type t, Map<Integer, Type> subst) {
        if (t instanceof Type.Var v) return subst.getOrDefault(v.id(), t);
        if (t instanceof Type.Con c) {
            List<Type> args = new ArrayList<>();
            for (Type a : c.args()) args.add(substitute(a, subst));
            return new Type.Con(c.name(), args);
        }
        if (t instanceof Type.Tuple tu) {
            List<Type> cs = new ArrayList<>();
            for (Type a : tu.components()) cs.add(substitute(a, subst));
            return new Type.Tuple(cs);
        }
        return t;
    }

    private static List<TypeDesc> all(List<Type> types, Map<String, DataType> dataTypes, Map<Integer, Type> subst) {
        List<TypeDesc> out = new ArrayList<>();
        for (Type t : types) out.add(of(t, dataTypes, subst));
        return out;
    }
}
