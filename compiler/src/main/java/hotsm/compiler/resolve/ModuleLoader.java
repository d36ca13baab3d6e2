package hotsm.compiler.resolve;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.ParseResult;
import hotsm.compiler.syntax.Parser;
import hotsm.compiler.syntax.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of a compilation and, transitively, the modules they
 * import. {@code import M} looks for {@code M.sm} in the importing file's
 * folder, then in each {@code -I} path, then in the standard library. The
 * standard library is the folder named by the system property
 * {@code hotsm.stdlib} if set, else the resource {@code hotsm/stdlib/M.sm} on
 * the class path (the compiler jar packs {@code stdlib/}), else
 * {@code <hotsm.root>/stdlib}. Every module but the Prelude implicitly imports
 * the Prelude, which always comes from the standard library. A module found
 * for {@code import M} must be declared {@code module M} (or have no header);
 * files named on the command line may declare any name.
 */
public final class ModuleLoader {
    static final String PRELUDE = "Prelude";
    /**
     * The standard modules every module sees without an import (LANGUAGE.md
     * §5, §12): the Prelude bare, the others qualified by their own name
     * ({@code List.map}). A standard module sees only those before it.
     */
    public static final List<String> STANDARD = List.of(PRELUDE, "List", "Map", "String");

    /** The standard modules {@code module} imports implicitly, in order. */
    public static List<String> implicitImports(String module) {
        int i = STANDARD.indexOf(module);
        return i < 0 ? STANDARD : STANDARD.subList(0, i);
    }

    private final List<Path> includePaths;
    private final boolean onlyNamedStandardModules;

    public ModuleLoader(List<Path> includePaths) { this(includePaths, false); }

    /**
     * @param onlyNamedStandardModules whether to leave out (read, but not parse) the standard modules
     *                                 after the Prelude that no module read names ({@link #names}), when
     *                                 the files read import nothing; for {@code Compiler.check}
     */
    public ModuleLoader(List<Path> includePaths, boolean onlyNamedStandardModules) {
        this.includePaths = List.copyOf(includePaths);
        this.onlyNamedStandardModules = onlyNamedStandardModules;
    }

    /** Where a module's text came from. */
    private record Source(String file, String text, Path folder) {}

    private enum State { VISITING, DONE }

    private final class Run {
        final Map<String, String> sources = new LinkedHashMap<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Map<String, Module> byName = new HashMap<>();
        final Map<String, Path> folders = new HashMap<>();
        final Map<String, State> state = new HashMap<>();
        final List<Module> order = new ArrayList<>();
        final List<String> stack = new ArrayList<>();
        /** Files that did not parse or are misnamed (by the name diagnostics use, and by absolute path): not read twice. */
        final java.util.Set<String> failedFiles = new java.util.HashSet<>();
        /** For each module on the stack, the import being followed (a cycle is reported where it starts). */
        final List<Module.Import> following = new ArrayList<>();

        Module parse(Source s) {
            sources.put(s.file(), s.text());
            ParseResult r = Parser.parseModule(s.file(), s.text());
            diagnostics.addAll(r.diagnostics());
            Module m = r.module();
            if (m != null && !m.name().matches("[A-Za-z_][A-Za-z0-9_']*")) {
                // no 'module' line: named after its file (LANGUAGE.md §5), but 'my-machine' could not name a machine
                diagnostics.add(Diagnostic.error(m.pos(), "the file name '" + m.name() + "' is not a module name: add a first"
                        + " line 'module Name' (a capitalised name)"));
            }
            return m;
        }

        void register(Module m, Path folder) {
            Module before = byName.putIfAbsent(m.name(), m);
            if (before != null) {
                diagnostics.add(Diagnostic.error(m.pos(), "the module '" + m.name() + "' is already defined in " + before.file()));
            } else {
                folders.put(m.name(), folder);
            }
        }

        void visit(Module m) {
            if (state.get(m.name()) != null) return;
            state.put(m.name(), State.VISITING);
            stack.add(m.name());
            following.add(null);
            for (String standard : implicitImports(m.name())) {
                if (m.imports().stream().anyMatch(i -> i.module().equals(standard))) continue;
                Module dep = byName.get(standard);
                if (dep != null) visit(dep);
            }
            for (Module.Import imp : m.imports()) {
                following.set(following.size() - 1, imp);
                Module dep = find(imp, folders.get(m.name()));
                if (dep == null) continue;
                if (state.get(dep.name()) == State.VISITING) {
                    int start = stack.indexOf(dep.name());
                    List<String> cycle = new ArrayList<>(stack.subList(start, stack.size()));
                    cycle.add(dep.name());
                    diagnostics.add(Diagnostic.error(following.get(start).pos(), "import cycle: " + String.join(" imports ", cycle)
                            + "; modules may not import each other in a circle"));
                    continue;
                }
                visit(dep);
            }
            stack.remove(stack.size() - 1);
            following.remove(following.size() - 1);
            state.put(m.name(), State.DONE);
            order.add(m);
        }

        /** The module {@code imp} names, loading it if needed; null (with a diagnostic, unless a parse error) if none. */
        Module find(Module.Import imp, Path folder) {
            String name = imp.module();
            Module known = byName.get(name);
            if (known != null) return known;
            List<Path> folders = new ArrayList<>();
            if (folder != null) folders.add(folder);
            folders.addAll(includePaths);
            List<String> looked = new ArrayList<>();
            Optional<Source> src = Optional.empty();
            boolean found = false;
            for (Path dir : folders) {
                Path p = dir.resolve(name + ".sm");
                looked.add(display(dir));
                if (Files.isRegularFile(p)) {
                    found = true;
                    if (failedFiles.contains(key(p))) return null;
                    src = read(p, imp.pos());
                    break;
                }
            }
            if (!found) {
                String stdlib = System.getProperty("hotsm.stdlib");
                looked.add(stdlib == null || stdlib.isBlank() ? "the standard library" : "the standard library (" + stdlib + ")");
                src = stdlib(name);
            }
            if (src.isEmpty()) {
                if (!found) {
                    diagnostics.add(Diagnostic.error(imp.pos(), "module '" + name + "' not found: looked for " + name + ".sm in "
                            + String.join(", ", looked)));
                }
                return null;
            }
            if (failedFiles.contains(key(Path.of(src.get().file())))) return null;
            Module m = parse(src.get());
            if (m == null) {
                failedFiles.add(key(Path.of(src.get().file())));
                return null;
            }
            if (!m.name().equals(name)) {
                failedFiles.add(key(Path.of(src.get().file())));
                diagnostics.add(Diagnostic.error(imp.pos(), "the file " + src.get().file() + " declares 'module " + m.name()
                        + "', but it was imported as '" + name + "': a module's name must match its file name"));
                return null;
            }
            register(m, src.get().folder());
            return byName.get(name);
        }

        Optional<Source> read(Path p, Position where) {
            try {
                String text = readSource(p);
                return Optional.of(new Source(p.toString(), text, parentOf(p)));
            } catch (IOException | RuntimeException e) {
                diagnostics.add(Diagnostic.error(where, "cannot read " + p + ": " + whyUnreadable(e)));
                return Optional.empty();
            }
        }
    }

    /** A file with NUL characters: binary data (an artifact, say), not program text. */
    private static final class BinaryFile extends IOException {
        BinaryFile() { super("a binary file, not .sm text", null); }
    }

    /** The text of a source file; a binary file is refused as a whole instead of as one error per byte. */
    private static String readSource(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) throw new BinaryFile();
        return text;
    }

    /** Why a source file could not be read, in words (not the exception's bare message). */
    static String whyUnreadable(Exception e) {
        if (e instanceof BinaryFile) return e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.charset.CharacterCodingException) return "not UTF-8 text (.sm files are UTF-8)";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage();
    }

    /** Reads {@code files} and everything they import. Never throws for a user error. */
    public LoadResult load(List<Path> files) {
        Run run = new Run();
        List<Module> roots = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path f : files) {
            if (!seen.add(key(f))) continue;
            String text;
            try {
                text = readSource(f);
            } catch (IOException | RuntimeException e) {
                run.diagnostics.add(new Diagnostic(f.toString(), 1, 1, 1, Diagnostic.Severity.ERROR,
                        "cannot read " + f + ": " + whyUnreadable(e)));
                continue;
            }
            Module m = run.parse(new Source(f.toString(), text, parentOf(f)));
            texts.add(text);
            if (m != null) {
                run.register(m, parentOf(f));
                roots.add(m);
            } else {
                run.failedFiles.add(key(f));
            }
        }
        boolean leaveOut = onlyNamedStandardModules;
        for (Module m : roots) leaveOut &= m.imports().isEmpty();
        List<Optional<Source>> standardSources = new ArrayList<>();
        for (String standard : STANDARD) standardSources.add(stdlib(standard));
        // A standard module sees only those before it: whether a later one is parsed decides about earlier ones.
        boolean[] parse = new boolean[STANDARD.size()];
        for (int i = STANDARD.size() - 1; i >= 0; i--) {
            String standard = STANDARD.get(i);
            parse[i] = !leaveOut || standard.equals(PRELUDE) || names(texts, standard);
            if (parse[i] && standardSources.get(i).isPresent()) texts.add(standardSources.get(i).get().text());
        }
        for (int i = 0; i < STANDARD.size(); i++) {
            String standard = STANDARD.get(i);
            if (run.byName.containsKey(standard)) continue;
            Optional<Source> source = standardSources.get(i);
            if (source.isEmpty()) {
                run.diagnostics.add(new Diagnostic("<stdlib>", 1, 1, 1, Diagnostic.Severity.ERROR,
                        "the standard library's " + standard + ".sm was not found (set -Dhotsm.stdlib=<folder>)"));
            } else if (parse[i]) {
                Module m = run.parse(source.get());
                if (m != null) run.register(m, source.get().folder());
            }
        }
        for (String standard : STANDARD) {
            Module m = run.byName.get(standard);
            if (m != null) run.visit(m);
        }
        for (Module m : roots) run.visit(m);
        return new LoadResult(run.order, run.sources, run.diagnostics);
    }

    /**
     * Whether one of {@code texts} names standard module {@code module}: has {@code module.} not
     * preceded by a letter, digit, {@code _} or {@code '}. A module after the Prelude is
     * only seen qualified ({@code List.map}), and a qualified name is one token, without spaces, so a
     * text that uses the module names it; one that names it in a comment or a string only has it
     * parsed for nothing.
     */
    static boolean names(List<String> texts, String module) {
        String qualifier = module + ".";
        for (String text : texts) {
            for (int at = text.indexOf(qualifier); at >= 0; at = text.indexOf(qualifier, at + 1)) {
                char before = at == 0 ? ' ' : text.charAt(at - 1);
                if (!Character.isLetterOrDigit(before) && before != '_' && before != '\'') return true;
            }
        }
        return false;
    }

    /** {@code name}.sm from the standard library, if it has one. */
    static Optional<Source> stdlib(String name) {
        String file = name + ".sm";
        String folder = System.getProperty("hotsm.stdlib");
        if (folder != null && !folder.isBlank()) return readQuietly(Path.of(folder).resolve(file));
        try (InputStream in = ModuleLoader.class.getClassLoader().getResourceAsStream("hotsm/stdlib/" + file)) {
            if (in != null) return Optional.of(new Source("<stdlib>/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8), null));
        } catch (IOException e) {
            // fall through to hotsm.root
        }
        String root = System.getProperty("hotsm.root");
        if (root != null && !root.isBlank()) return readQuietly(Path.of(root, "stdlib", file));
        return Optional.empty();
    }

    private static Optional<Source> readQuietly(Path p) {
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8), parentOf(p)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path parentOf(Path p) {
        Path given = p.getParent();
        return given != null ? given : Path.of("");
    }

    /** A file's identity: its normalised absolute path. */
    private static String key(Path p) { return p.toAbsolutePath().normalize().toString(); }

    private static String display(Path dir) {
        String s = dir.toString();
        return s.isEmpty() ? "." : s;
    }
}
