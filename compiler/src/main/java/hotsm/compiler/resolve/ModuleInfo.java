package hotsm.compiler.resolve;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a module defines itself (what an importer sees: imports are not
 * re-exported), one table per {@link Namespace}. Filled by the {@link Binder}
 * before any module is checked, then only read.
 */
public final class ModuleInfo {
    private final String name;
    private final Map<Namespace, Map<String, Entity>> tables = new EnumMap<>(Namespace.class);

    public ModuleInfo(String name) {
        this.name = name;
        for (Namespace ns : Namespace.values()) tables.put(ns, new LinkedHashMap<>());
    }

    public String name() { return name; }

    /** Adds {@code entity}; returns the entity already defined under its name, if any (then nothing changes). */
    public Optional<Entity> define(Namespace ns, Entity entity) {
        Entity before = tables.get(ns).putIfAbsent(entity.name(), entity);
        return Optional.ofNullable(before);
    }

    public Optional<Entity> get(Namespace ns, String name) { return Optional.ofNullable(tables.get(ns).get(name)); }

    public Map<String, Entity> table(Namespace ns) { return java.util.Collections.unmodifiableMap(tables.get(ns)); }
}
