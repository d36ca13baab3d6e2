package hotsm.vm.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one description of a type for people, in the words of a {@code data}
 * declaration ({@code Output = Ok | Total Int}). {@link #describe} adds the
 * data types it mentions, for {@code sm info} and the REPL's {@code :info};
 * {@link #inline} is the type alone, for a sentence (a value that does not
 * parse, an upgrade whose types differ) or a column of the disassembler's
 * listing.
 */
public final class TypeText {
    private TypeText() {}

    /**
     * {@code Output = Ok | Total Int}; {@code (Int, Bool)  where Bool = False | True}; {@code Int};
     * {@code Map String Line  where Line = Line { sku : String, qty : Int }}.
     */
    public static String describe(TypeDesc type) {
        List<String> definitions = new ArrayList<>();
        for (TypeDesc.Data d : dataTypes(type)) definitions.add(d + " = " + constructors(d));
        if (type instanceof TypeDesc.Data && !definitions.isEmpty()) {
            String first = definitions.remove(0);
            return definitions.isEmpty() ? first : first + "  where " + String.join("; ", definitions);
        }
        return definitions.isEmpty() ? type.toString() : type + "  where " + String.join("; ", definitions);
    }

    /** {@code Input = Incr | Count}, {@code Maybe Int = Nothing | Just Int}; a type that is not a data type as it prints. */
    public static String inline(TypeDesc type) {
        return type instanceof TypeDesc.Data d ? d + " = " + constructors(d) : type.toString();
    }

    /** {@code Just Int}, {@code Account { balance : Int, frozen : Bool }}. */
    public static String constructor(TypeDesc.Constructor c) {
        StringBuilder b = new StringBuilder(c.name());
        if (c.isRecord()) {
            b.append(" { ");
            for (int i = 0; i < c.fields().size(); i++) {
                if (i > 0) b.append(", ");
                b.append(c.fieldNames().get(i)).append(" : ").append(c.fields().get(i));
            }
            return b.append(" }").toString();
        }
        for (TypeDesc f : c.fields()) b.append(' ').append(TypeDesc.argument(f));
        return b.toString();
    }

    private static String constructors(TypeDesc.Data d) {
        List<String> cs = new ArrayList<>();
        for (TypeDesc.Constructor c : d.constructors()) cs.add(constructor(c));
        return String.join(" | ", cs);
    }

    /** The data types {@code type} mentions, outermost first, each once. */
    public static List<TypeDesc.Data> dataTypes(TypeDesc type) {
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
