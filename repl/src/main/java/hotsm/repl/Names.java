package hotsm.repl;

import hotsm.compiler.Compilation;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypePrinter;
import hotsm.compiler.types.Typed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a name typed after {@code :info} or {@code :type} denotes in the
 * REPL's scope: a data type, a constructor, a function or a machine, looked
 * up bare ({@code Total}: the scope's own module first, then the Prelude,
 * then any module loaded) or qualified ({@code Counter1.Total}).
 */
final class Names {
    private Names() {}

    /** {@code Just : a -> Maybe a}, {@code counter : machine Input -> Output, state Int}; empty if neither. */
    static Optional<String> typeOf(String name, Compilation c, String module) {
        Typed.Program p = c.program().orElse(null);
        if (p == null) return Optional.empty();
        for (Found<DataType> d : constructorsNamed(name, p, module)) {
            return Optional.of(name + " : " + constructorType(d.value(), d.index()));
        }
        for (Typed.Machine m : machinesNamed(name, p, module)) {
            return Optional.of(name + " : " + machineType(m));
        }
        return Optional.empty();
    }

    /** {@code :info NAME}: every meaning of {@code name}, a few lines each; empty when it has none. */
    static List<String> info(String name, Definitions.Scope scope) {
        Compilation c = scope.compilation();
        String module = scope.moduleName();
        Typed.Program p = c.program().orElse(null);
        List<String> lines = new ArrayList<>();
        if (p == null) return lines;
        for (DataType d : inScope(p.dataTypes(), name, module)) {
            lines.add(declaration(d) + "    -- a data type, " + where(d.qualifiedName()));
        }
        for (Found<DataType> d : constructorsNamed(name, p, module)) {
            lines.add(TypePrinter.bare(name) + " : " + constructorType(d.value(), d.index())
                    + "    -- a constructor of " + declaration(d.value()));
        }
        for (Typed.Function f : inScope(p.functions(), name, module)) {
            lines.add(TypePrinter.bare(f.qualifiedName()) + " : " + TypePrinter.print(f.type())
                    + "    -- " + (f.parameter() == null && f.proc() == null ? "a constant, " : "a function, ")
                    + (scope.atPrompt(f.pos()) ? "defined at the prompt" : where(f.qualifiedName())));
        }
        if (name.matches("(Prelude\\.)?(showInt|length)") && lines.isEmpty()) {
            lines.add(TypePrinter.bare(name) + " : " + (name.endsWith("length") ? "String -> Int" : "Int -> String")
                    + "    -- a primitive of the Prelude");
        }
        for (Typed.Machine m : machinesNamed(name, p, module)) {
            lines.add("machine " + m.name() + " : " + TypePrinter.print(m.input()) + " -> " + TypePrinter.print(m.output())
                    + ", state " + TypePrinter.print(m.state()) + "    -- " + where(m.qualifiedName()));
        }
        if (lines.isEmpty()) primitive(name, scope).ifPresent(lines::add);
        return lines;
    }

    /** {@code String.split : ... -- a primitive of the String module}, {@code show : a -> String -- a built-in}: the names with no declaration. */
    private static java.util.Optional<String> primitive(String name, Definitions.Scope scope) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:([A-Z][A-Za-z0-9_']*)\\.)?[a-z_][A-Za-z0-9_']*").matcher(name);
        if (!m.matches()) return java.util.Optional.empty();
        try {
            String typed = Expressions.typeOf(name, scope);
            return java.util.Optional.of(typed + "    -- " + (m.group(1) != null ? "a primitive of the " + m.group(1) + " module"
                    : "a built-in"));
        } catch (ReplError e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code "; did you mean 'counter'?"} among the names {@code :info} knows, or the empty string. */
    static String didYouMean(String name, Compilation c) {
        Typed.Program p = c.program().orElse(null);
        if (p == null) return "";
        return hotsm.compiler.resolve.Suggestions.closest(TypePrinter.bare(name), bareNames(p))
                .map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** The bare names of a program's data types, constructors, top-level functions and machines. */
    static java.util.Set<String> bareNames(Typed.Program p) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (DataType d : p.dataTypes().values()) {
            known.add(d.name());
            for (DataType.Constructor k : d.constructors()) known.add(k.name());
        }
        for (String f : p.functions().keySet()) if (f.indexOf('.') == f.lastIndexOf('.')) known.add(TypePrinter.bare(f));
        for (Typed.Machine m : p.machines().values()) known.add(m.name());
        return known;
    }

    private record Found<T>(T value, int index) {}

    private static List<Found<DataType>> constructorsNamed(String name, Typed.Program p, String module) {
        List<Found<DataType>> found = new ArrayList<>();
        for (DataType d : ordered(p.dataTypes(), module)) {
            for (int i = 0; i < d.constructors().size(); i++) {
                String ctor = d.constructors().get(i).name();
                if (ctor.equals(name) || (moduleOf(d.qualifiedName()) + "." + ctor).equals(name)) found.add(new Found<>(d, i));
            }
        }
        return found.isEmpty() ? found : List.of(found.get(0));
    }

    private static List<Typed.Machine> machinesNamed(String name, Typed.Program p, String module) {
        return inScope(p.machines(), name, module);
    }

    /** The entries named {@code name} (qualified, or bare: the nearest module's only). */
    private static <T> List<T> inScope(Map<String, T> byQualifiedName, String name, String module) {
        if (name.contains(".")) {
            T t = byQualifiedName.get(name);
            return t == null ? List.of() : List.of(t);
        }
        for (String q : List.of(module + "." + name, "Prelude." + name)) {
            if (byQualifiedName.containsKey(q)) return List.of(byQualifiedName.get(q));
        }
        for (Map.Entry<String, T> e : byQualifiedName.entrySet()) {
            if (TypePrinter.bare(e.getKey()).equals(name) && !e.getKey().substring(0, e.getKey().length() - name.length() - 1).contains(".")) {
                return List.of(e.getValue());
            }
        }
        return List.of();
    }

    /** The data types of {@code module} first, then the Prelude's, then the rest. */
    private static List<DataType> ordered(Map<String, DataType> all, String module) {
        List<DataType> out = new ArrayList<>();
        for (DataType d : all.values()) if (moduleOf(d.qualifiedName()).equals(module)) out.add(d);
        for (DataType d : all.values()) if (moduleOf(d.qualifiedName()).equals("Prelude")) out.add(d);
        for (DataType d : all.values()) if (!out.contains(d)) out.add(d);
        return out;
    }

    /** {@code Int -> Output}: the fields, curried, to the data type. */
    private static String constructorType(DataType d, int index) {
        Type result = new Type.Con(d.qualifiedName(), List.copyOf(d.params()));
        List<Type> fields = d.constructors().get(index).fields();
        Type t = result;
        for (int i = fields.size() - 1; i >= 0; i--) t = new Type.Fun(fields.get(i), t);
        return TypePrinter.print(t);
    }

    private static String machineType(Typed.Machine m) {
        return "machine " + TypePrinter.print(m.input()) + " -> " + TypePrinter.print(m.output())
                + ", state " + TypePrinter.print(m.state());
    }

    /** {@code data Output = Ok | Total Int}. */
    static String declaration(DataType d) {
        TypePrinter printer = new TypePrinter();
        StringBuilder b = new StringBuilder("data ").append(d.name());
        for (Type.Var v : d.params()) b.append(' ').append(printer.show(v));
        b.append(" =");
        for (int i = 0; i < d.constructors().size(); i++) {
            DataType.Constructor c = d.constructors().get(i);
            b.append(i == 0 ? " " : " | ").append(c.name());
            if (c.isRecord()) {   // Line { sku : String, qty : Int }, as values of it print
                b.append(" {");
                for (int k = 0; k < c.fields().size(); k++) {
                    b.append(k == 0 ? " " : ", ").append(c.fieldNames().get(k)).append(" : ").append(printer.show(c.fields().get(k)));
                }
                b.append(" }");
                continue;
            }
            for (Type f : c.fields()) {
                String s = printer.show(f);
                boolean atomic = !s.contains(" ") || s.startsWith("(") && s.endsWith(")");
                b.append(' ').append(atomic ? s : "(" + s + ")");
            }
        }
        return b.toString();
    }

    private static String where(String qualifiedName) { return "defined in " + moduleOf(qualifiedName); }

    private static String moduleOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }
}
