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

    public record Constructor(String name, List<Type> fields) {
        public Constructor { fields = List.copyOf(fields); }
    }
}
