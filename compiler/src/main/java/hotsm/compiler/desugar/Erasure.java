package hotsm.compiler.desugar;

import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypeVisitor;
import hotsm.vm.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiler types to their erased representation (LANGUAGE.md §4), under a
 * substitution for the type variables of the function being inlined. A type
 * variable that nothing constrains (the {@code a} of a bare {@code Nothing})
 * has no observable values of its own, so it defaults to {@code ()}.
 */
final class Erasure {
    private final Map<String, DataType> dataTypes;
    private final Map<Integer, Type> subst;

    Erasure(Map<String, DataType> dataTypes, Map<Integer, Type> subst) {
        this.dataTypes = dataTypes;
        this.subst = subst;
    }

    Map<String, DataType> dataTypes() { return dataTypes; }

    /** {@code t} with every variable replaced by its instance (or {@code ()}): a closed type. */
    Type resolve(Type t) { return resolver.visit(t); }

    private final TypeVisitor<Type> resolver = new TypeVisitor<>() {
        @Override public Type visitVar(Type.Var v) {
            Type bound = subst.get(v.id());
            return bound == null ? Type.UNIT : bound;
        }

        @Override public Type visitCon(Type.Con c) { return new Type.Con(c.name(), resolveAll(c.args())); }

        @Override public Type visitUnit(Type.Unit u) { return u; }

        @Override public Type visitTuple(Type.Tuple tu) { return new Type.Tuple(resolveAll(tu.components())); }

        @Override public Type visitFun(Type.Fun f) { return new Type.Fun(resolve(f.from()), resolve(f.to())); }
    };

    List<Type> resolveAll(List<Type> ts) {
        List<Type> out = new ArrayList<>();
        for (Type t : ts) out.add(resolve(t));
        return out;
    }

    /** An erasure for a function generalised over {@code params}, instantiated at {@code args} (read in this scope). */
    Erasure instantiate(List<Type.Var> params, List<Type> args) {
        Map<Integer, Type> inner = new HashMap<>();
        for (int i = 0; i < params.size() && i < args.size(); i++) inner.put(params.get(i).id(), resolve(args.get(i)));
        return new Erasure(dataTypes, inner);
    }

    Shape erase(Type t) {
        Type r = resolve(t);
        if (r instanceof Type.Unit) return Shape.UNIT;
        if (r instanceof Type.Tuple tu) return pairs(tu.components());
        if (r instanceof Type.Con c) {
            if (c.name().equals("Int")) return Shape.INT;
            if (c.name().equals("String")) return Shape.STR;
            if (c.name().equals(Type.LIST)) return new Shape.ListOf(erase(c.args().get(0)));
            if (c.name().equals(Type.MAP)) return new Shape.MapOf(erase(c.args().get(0)), erase(c.args().get(1)));
            List<Shape> ctors = constructorShapes(c);
            Shape s = ctors.get(ctors.size() - 1);
            for (int i = ctors.size() - 2; i >= 0; i--) s = new Shape.Sum(ctors.get(i), s);
            return s;
        }
        throw new IllegalArgumentException("a function type has no first-order representation: " + r);
    }

    /** The data type a {@code Con} names. */
    DataType data(Type.Con c) {
        DataType dt = dataTypes.get(c.name());
        if (dt == null) throw new IllegalArgumentException("unknown data type " + c.name());
        return dt;
    }

    /** The data type {@code t} is (after resolution). */
    DataType data(Type t) {
        Type r = resolve(t);
        if (r instanceof Type.Con c) return data(c);
        throw new IllegalArgumentException("not a data type: " + r);
    }

    /** Each constructor's fields as right-nested pairs, for the data type {@code c} applied to its arguments. */
    List<Shape> constructorShapes(Type.Con c) {
        DataType dt = data(c);
        Map<Integer, Type> inst = new HashMap<>();
        for (int i = 0; i < dt.params().size() && i < c.args().size(); i++) inst.put(dt.params().get(i).id(), c.args().get(i));
        Erasure fields = new Erasure(dataTypes, inst);
        List<Shape> out = new ArrayList<>();
        for (DataType.Constructor k : dt.constructors()) out.add(fields.pairs(k.fields()));
        return out;
    }

    List<Shape> constructorShapes(Type t) {
        Type r = resolve(t);
        if (r instanceof Type.Con c) return constructorShapes(c);
        throw new IllegalArgumentException("not a data type: " + r);
    }

    /** Right-nested pairs; {@code []} is {@code ()}. */
    Shape pairs(List<Type> parts) {
        if (parts.isEmpty()) return Shape.UNIT;
        Shape s = erase(parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) s = new Shape.Pair(erase(parts.get(i)), s);
        return s;
    }
}
