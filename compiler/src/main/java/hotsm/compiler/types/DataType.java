package hotsm.compiler.types;

import java.util.List;

/**
 * A checked data declaration.
 *
 * @param qualifiedName {@code Module.Name}; {@code name} is the bare name used on the wire
 * @param params        the type parameters, as {@link Type.Var}s that the fields mention
 * @param constructors  in declaration order; a constructor's index is its position in the sum
 */
public record DataType(String qualifiedName, String name, List<Type.Var> params, List<Constructor> constructors) {
    public DataType {
        params = List.copyOf(params);
        constructors = List.copyOf(constructors);
    }

    /** {@code fieldNames} is empty for a positional constructor, else one name per field (a record). */
    public record Constructor(String name, List<Type> fields, List<String> fieldNames) {
        public Constructor {
            fields = List.copyOf(fields);
            fieldNames = List.copyOf(fieldNames);
        }

        public Constructor(String name, List<Type> fields) { this(name, fields, List.of()); }

        public boolean isRecord() { return !fieldNames.isEmpty(); }
    }

    /** The built-in list seen as a data type, for exhaustiveness: {@code [] | a :: List a}. */
    static DataType listType() {
        Type.Var a = new Type.Var(-1, "a");
        return new DataType(Type.LIST, Type.LIST, List.of(a),
                List.of(new Constructor("[]", List.of()), new Constructor("::", List.of(a, Type.list(a)))));
    }
}
