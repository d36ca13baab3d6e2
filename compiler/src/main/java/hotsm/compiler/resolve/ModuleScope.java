package hotsm.compiler.resolve;

import hotsm.compiler.syntax.QualName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level names visible inside one module (LANGUAGE.md §5): its own
 * names, bare or qualified by its own name; the names of each plain import,
 * bare (if no other import defines them too) or as {@code M.x}; the names of
 * {@code import M as A} only as {@code A.x}. The module's own names shadow
 * imported ones. Local variables are not here: they shadow everything and the
 * type checker looks them up first.
 */
public final class ModuleScope {
    /** An import: the imported module's own names and the alias, if any. */
    public record Imported(ModuleInfo module, Optional<String> alias) {}

    /** The outcome of a lookup: the entity, or a message saying why there is none. */
    public sealed interface Lookup {
        /** Why the name does not denote what was looked up. */
        String message();
    }

    /** What the name denotes; each namespace holds fixed kinds ({@link Namespace}), so {@link #message} is not asked. */
    public record Found(Entity entity) implements Lookup {
        @Override public String message() { return "'" + entity.qualifiedName() + "' is not what was looked up here"; }
    }

    /**
     * No such entity. The message of an unknown bare name ends in a "did you mean", which reads every
     * name in scope, so it is made when first asked: a clean check looks up names that are not there
     * (the built-in arrows {@code get}, {@code put}, {@code returnA} at every {@code -<}) and never asks.
     */
    public static final class NotFound implements Lookup {
        private String message;
        private final ModuleScope scope;   // with ns and name: the unknown bare name, its message not made yet
        private final Namespace ns;
        private final String name;

        public NotFound(String message) { this(message, null, null, null); }

        private NotFound(String message, ModuleScope scope, Namespace ns, String name) {
            this.message = message;
            this.scope = scope;
            this.ns = ns;
            this.name = name;
        }

        @Override public String message() {
            if (message == null) message = scope.unknown(ns, name);
            return message;
        }

        @Override public String toString() { return "NotFound[message=" + message() + "]"; }
    }

    private final ModuleInfo own;
    private final List<Imported> imports;

    public ModuleScope(ModuleInfo own, List<Imported> imports) {
        this.own = own;
        this.imports = List.copyOf(imports);
    }

    public ModuleInfo own() { return own; }

    public List<Imported> imports() { return imports; }

    public Lookup lookup(Namespace ns, QualName name) {
        return name.qualifier().isPresent() ? lookupQualified(ns, name.qualifier().get(), name.name())
                : lookupBare(ns, name.name());
    }

    private Lookup lookupBare(Namespace ns, String name) {
        Optional<Entity> mine = own.get(ns, name);
        if (mine.isPresent()) return new Found(mine.get());
        Map<String, Entity> candidates = new LinkedHashMap<>();
        for (Imported imp : imports) {
            if (imp.alias().isPresent()) continue;
            imp.module().get(ns, name).ifPresent(e -> candidates.putIfAbsent(e.qualifiedName(), e));
        }
        if (candidates.size() == 1) return new Found(candidates.values().iterator().next());
        if (candidates.size() > 1) {
            return new NotFound("ambiguous name '" + name + "': it could be " + String.join(" or ", candidates.keySet())
                    + "; write the qualified name");
        }
        return new NotFound(null, this, ns, name);
    }

    private Lookup lookupQualified(Namespace ns, String qualifier, String name) {
        List<ModuleInfo> modules = new ArrayList<>();
        if (own.name().equals(qualifier)) modules.add(own);
        for (Imported imp : imports) {
            if (imp.alias().map(qualifier::equals).orElse(imp.module().name().equals(qualifier))) modules.add(imp.module());
        }
        if (modules.isEmpty()) {
            boolean aliased = imports.stream().anyMatch(i -> i.alias().isPresent() && i.module().name().equals(qualifier));
            Set<String> qualifiers = new TreeSet<>(List.of(own.name()));
            for (Imported imp : imports) qualifiers.add(imp.alias().orElse(imp.module().name()));
            String close = aliased ? "" : Suggestions.closest(qualifier, qualifiers)
                    .map(q -> "; did you mean '" + q + "." + name + "'?").orElse("");
            return new NotFound("no module '" + qualifier + "' is imported"
                    + (aliased ? " under that name (it was imported with 'as'; use its alias)" : "") + close);
        }
        for (ModuleInfo m : modules) {
            Optional<Entity> e = m.get(ns, name);
            if (e.isPresent()) return new Found(e.get());
        }
        Set<String> names = new TreeSet<>();
        for (ModuleInfo m : modules) names.addAll(m.table(ns).keySet());
        String close = Suggestions.closest(name, names).map(n -> "; did you mean '" + qualifier + "." + n + "'?").orElse("");
        return new NotFound("module '" + modules.get(0).name() + "' has no " + ns.noun() + " '" + name + "'" + close);
    }

    /** Every bare name of {@code ns} in scope (own and plain imports). */
    public Set<String> bareNames(Namespace ns) {
        Set<String> names = new TreeSet<>(own.table(ns).keySet());
        for (Imported imp : imports) if (imp.alias().isEmpty()) names.addAll(imp.module().table(ns).keySet());
        return names;
    }

    /** The message for a bare name that nothing in scope defines, with a "did you mean" if one is close. */
    private String unknown(Namespace ns, String name) {
        String unknown = ns == Namespace.VALUE ? "unbound variable '" + name + "'" : "unknown " + ns.noun() + " '" + name + "'";
        return unknown + suggestion(ns, name);
    }

    private String suggestion(Namespace ns, String name) {
        for (Imported imp : imports) {   // 'map' is List.map: a module imported only qualified has the name itself
            if (imp.alias().isPresent() && imp.module().get(ns, name).isPresent()) {
                return "; did you mean '" + imp.alias().get() + "." + name + "'?";
            }
        }
        Set<String> known = bareNames(ns);
        if (ns == Namespace.TYPE) known.addAll(List.of("Int", "String"));   // built in, in no module's table
        return Suggestions.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
