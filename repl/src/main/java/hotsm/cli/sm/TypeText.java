package hotsm.cli.sm;

import hotsm.vm.types.TypeDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A type as {@code sm info} shows it: its name, then the constructors of
 * every data type it mentions ({@code Output = Ok | Total Int}).
 */
final class TypeText {
    private TypeText() {}

    /**
     * {@code Output = Ok | Total Int}; {@code (Int, Bool) where Bool = False | True}; {@code Int};
     * {@code Map String Line  where Line = Line { sku : String, qty : Int }}.
     */
    static String describe(TypeDesc type) {
        List<String> definitions = new ArrayList<>();
        for (TypeDesc.Data d : dataTypes(type)) definitions.add(d + " = " + constructors(d));
        if (type instanceof TypeDesc.Data && !definitions.isEmpty()) {
            String first = definitions.remove(0);
            return definitions.isEmpty() ? first : first + "  where " + String.join("; ", definitions);
        }
        return definitions.isEmpty() ? type.toString() : type + "  where " + String.join("; ", definitions);
    }

    private static String constructors(TypeDesc.Data d) {
        List<String> cs = new ArrayList<>();
        for (TypeDesc.Constructor c : d.constructors()) cs.add(hotsm.vm.value.ValuePrinter.describeConstructor(c));
        return String.join(" | ", cs);
    }

    /** The data types {@code type} mentions, outermost first, each once. */
    private static List<TypeDesc.Data> dataTypes(TypeDesc type) {
        Map<String, TypeDesc.Data> seen = new LinkedHashMap<>();
        Deque<TypeDesc> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            TypeDesc t = todo.poll();
            if (t instanceof TypeDesc.Tuple tuple) {
                todo.addAll(tuple.components());
            } else if (t instanceof TypeDesc.ListOf l) {
                todo.add(l.element());
            } else if (t instanceof TypeDesc.MapOf m) {
                todo.add(m.key());
                todo.add(m.value());
            } else if (t instanceof TypeDesc.Data d && seen.putIfAbsent(d.toString(), d) == null) {
                for (TypeDesc.Constructor c : d.constructors()) todo.addAll(c.fields());
            }
        }
        return new ArrayList<>(seen.values());
    }
}
