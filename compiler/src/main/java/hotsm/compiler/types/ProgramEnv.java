package hotsm.compiler.types;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleInfo;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one checking run knows across modules: the substitution, the
 * names each module defines, the scope of each module, the schemes of checked
 * functions, and the checked program being built. Also kept after the run so
 * the REPL can check expressions in the scope of a loaded module.
 */
public final class ProgramEnv {
    /** A machine's three types, known as soon as its header is resolved. */
    record MachineTypes(Type input, Type output, Type state) {}

    final Map<String, DataType> dataTypes = new LinkedHashMap<>();
    final Unifier unifier = new Unifier(dataTypes);
    final Map<String, ModuleInfo> modules = new LinkedHashMap<>();
    final Map<String, ModuleScope> scopes = new LinkedHashMap<>();
    /** Qualified value name -> scheme; primitives included. */
    final Map<String, Scheme> schemes = new LinkedHashMap<>();
    /** Qualified alias name -> its parameters and body. */
    final Map<String, Scheme> aliases = new LinkedHashMap<>();
    final Map<String, MachineTypes> machineTypes = new LinkedHashMap<>();
    final Map<String, Typed.Function> functions = new LinkedHashMap<>();
    final Map<String, Typed.Machine> machines = new LinkedHashMap<>();
    final List<Typed.Upgrade> upgrades = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    ProgramEnv() {}

    /** The checked data type of constructor {@code c} (built before {@code c} is defined). */
    DataType dataType(Entity.Constructor c) { return dataTypes.get(c.dataTypeName()); }

    void error(Position pos, String message) { error(pos, 1, message); }

    /** Records an error, unless one is already reported at the same place (then this one is a consequence). */
    void error(Position pos, int length, String message) {
        for (Diagnostic d : diagnostics) {
            if (d.line() == pos.line() && d.column() == pos.column() && d.file().equals(pos.file())) return;
        }
        diagnostics.add(Diagnostic.error(pos, length, message));
    }

    Typed.Program program() {
        return new Typed.Program(frozen(dataTypes), frozen(functions), frozen(machines), List.copyOf(upgrades));
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The names of the modules checked, in order. */
    public List<String> moduleNames() { return List.copyOf(modules.keySet()); }
}
