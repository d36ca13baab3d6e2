package hotsm.compiler.syntax;

import java.util.List;

/**
 * One parsed {@code .sm} file.
 *
 * @param name    the {@code module} header's name, or the file's base name
 * @param file    the path it was read from, as given (diagnostics print it)
 * @param imports explicit imports; the implicit {@code import Prelude} is not listed
 */
public record Module(String name, String file, List<Import> imports, List<Decl> decls, Position pos) {
    public Module {
        imports = List.copyOf(imports);
        decls = List.copyOf(decls);
    }

    /** {@code import M} or {@code import M as A} (then only {@code A.x} works). */
    public record Import(String module, java.util.Optional<String> alias, Position pos) {}
}
