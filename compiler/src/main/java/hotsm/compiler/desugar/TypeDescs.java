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

    /**
     * @param subst the descriptions of the type parameters in scope: a data type's arguments are
     *              described once and shared by its constructors' fields (describing them again per
     *              field took time exponential in the nesting: {@code Maybe (Maybe (...))})
     */
    private static TypeDesc of(Type type, Map<String, DataType> dataTypes, Map<Integer, TypeDesc> subst) {
        if (type instanceof Type.Var v) {
            TypeDesc bound = subst.get(v.id());
            return bound == null ? TypeDesc.UNIT : bound;
        }
        if (type instanceof Type.Unit) return TypeDesc.UNIT;
        if (type instanceof Type.Tuple t) return new TypeDesc.Tuple(all(t.components(), dataTypes, subst));
        if (!(type instanceof Type.Con c)) throw new IllegalArgumentException("a function type has no wire description: " + type);
        if (c.name().equals("Int")) return TypeDesc.INT;
        if (c.name().equals("String")) return TypeDesc.STR;
        if (c.name().equals(Type.LIST)) return new TypeDesc.ListOf(of(c.args().get(0), dataTypes, subst));
        if (c.name().equals(Type.MAP)) {
            return new TypeDesc.MapOf(of(c.args().get(0), dataTypes, subst), of(c.args().get(1), dataTypes, subst));
        }
        DataType dt = dataTypes.get(c.name());
        if (dt == null) throw new IllegalArgumentException("unknown data type " + c.name());
        List<TypeDesc> args = all(c.args(), dataTypes, subst);
        Map<Integer, TypeDesc> inst = new HashMap<>();
        for (int i = 0; i < dt.params().size() && i < c.args().size(); i++) {
            inst.put(dt.params().get(i).id(), args.get(i));
        }
        List<TypeDesc.Constructor> ctors = new ArrayList<>();
        for (DataType.Constructor k : dt.constructors()) {
            ctors.add(new TypeDesc.Constructor(k.name(), all(k.fields(), dataTypes, inst), k.fieldNames()));
        }
        return new TypeDesc.Data(dt.name(), args, ctors);
    }

    private static List<TypeDesc> all(List<Type> types, Map<String, DataType> dataTypes, Map<Integer, TypeDesc> subst) {
        List<TypeDesc> out = new ArrayList<>();
        for (Type t : types) out.add(of(t, dataTypes, subst));
        return out;
    }

    /** The most parts a machine's input, output or state type may take written out (as artifacts and the wire do). */
    public static final long MAX_WRITTEN_PARTS = 1_000_000;

    /**
     * How many parts {@code t} takes written out as a tree (each data type,
     * constructor, tuple and base type one), counted over its shared structure
     * so the count is cheap even when the written form is exponentially large
     * ({@code Maybe (Maybe (...))} repeats its argument at every level); it
     * saturates just over {@code cap}.
     */
    public static long writtenParts(TypeDesc t, long cap) {
        return writtenParts(t, cap, new java.util.IdentityHashMap<>());
    }

    private static long writtenParts(TypeDesc t, long cap, Map<TypeDesc, Long> memo) {
        Long known = memo.get(t);
        if (known != null) return known;
        long n = 1;
        if (t instanceof TypeDesc.Tuple tu) {
            for (TypeDesc c : tu.components()) n = Math.min(cap + 1, n + writtenParts(c, cap, memo));
        } else if (t instanceof TypeDesc.Data d) {
            for (TypeDesc a : d.arguments()) n = Math.min(cap + 1, n + writtenParts(a, cap, memo));
            for (TypeDesc.Constructor k : d.constructors()) {
                n = Math.min(cap + 1, n + 1);
                for (TypeDesc f : k.fields()) n = Math.min(cap + 1, n + writtenParts(f, cap, memo));
            }
        }
        memo.put(t, n);
        return n;
    }
}
