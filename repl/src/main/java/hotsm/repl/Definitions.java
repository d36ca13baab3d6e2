package hotsm.repl;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.ParseResult;
import hotsm.compiler.syntax.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What typed expressions are checked in: the loaded file's module (or an
 * empty one that sees the Prelude) followed by the definitions made at the
 * prompt ({@code let x = 5}, {@code f x = x + 1}, {@code data} and
 * {@code type} declarations, a {@code :{ ... :}} block of them) and by
 * {@code it}, the last value printed. A definition of a name replaces the
 * earlier one, as in ghci; {@code :load} starts afresh. The scope is a copy of
 * the file's source with the definitions appended, compiled in a folder of
 * its own (the file's imports are found beside the original).
 */
final class Definitions implements AutoCloseable {
    /** A name followed by parameters and one '=' that is not part of '==', '<=', '>=', '/='. */
    private static final Pattern DEFINITION =
            Pattern.compile("(?s)[a-z_][A-Za-z0-9_']*(\\s+[^={\"]*?)?(?<![<>/=!])=(?!=).*");
    private static final Pattern DECLARATION = Pattern.compile("(?s)(data|type)\\s.*");
    /** A type signature on its own, {@code f : Int -> Int}. */
    private static final Pattern SIGNATURE = Pattern.compile("(?s)[a-z_][A-Za-z0-9_']*\\s*:(?!:).*");

    /** Definitions made at the prompt, oldest first. */
    private record Chunk(Set<String> names, String text) {}

    private final List<Chunk> chunks = new ArrayList<>();
    private String it;                  // "it = <value>", or null
    private LoadedProgram program;
    private Scope scope;                // compiled lazily, null when stale
    private Scope lastCompiled;         // the last scope compiled, stale or not (completion reads it)
    private Path folder;

    /**
     * The module and compilation expressions are checked in; declarations at
     * or after line {@code firstPromptLine} of {@code file} were made at the prompt.
     */
    record Scope(Compilation compilation, String moduleName, String file, int firstPromptLine) {
        /** Whether a declaration at {@code pos} was typed at the prompt (not read from the loaded file). */
        boolean atPrompt(hotsm.compiler.syntax.Position pos) {
            return pos.file().equals(file) && pos.line() >= firstPromptLine;
        }
    }

    /** A new file was loaded (or none): the prompt's definitions and {@code it} are forgotten. */
    void programChanged(LoadedProgram loaded) {
        program = loaded;
        chunks.clear();
        it = null;
        scope = null;
    }

    /**
     * Whether {@code text} is meant as definitions rather than an expression:
     * it starts with {@code let} and has no {@code in}, or it reads as
     * {@code name args = ...}, {@code data ...}, {@code type ...}, or is a
     * block of several lines (from {@code :{ ... :}}) that is not an expression.
     */
    static boolean isDefinition(String text) {
        String t = text.strip();
        if (t.startsWith("let ") || t.startsWith("let\n")) return !Pattern.compile("\\bin\\b").matcher(t).find();
        if (DECLARATION.matcher(t).matches() || DEFINITION.matcher(t).matches()) return true;
        return t.contains("\n") && SIGNATURE.matcher(t).matches();
    }

    /**
     * Adds the definitions in {@code text} (with or without a leading
     * {@code let}) after checking them with everything before; an error leaves
     * the definitions as they were. Returns the names defined.
     */
    List<String> define(String text) throws ReplError {
        String source = withoutLet(text.strip());
        ParseResult parsed = Parser.parseModule(Expressions.INPUT, source);
        Set<String> names = new LinkedHashSet<>();
        if (parsed.module() != null) for (Decl d : parsed.module().decls()) names.addAll(namesOf(d));
        List<Chunk> kept = new ArrayList<>();
        for (Chunk c : chunks) if (c.names().stream().noneMatch(names::contains)) kept.add(c);
        Chunk added = new Chunk(names, source);
        kept.add(added);
        String itNow = it != null && names.contains("it") ? null : it;
        Compiled compiled = compile(kept, itNow);
        if (!compiled.compilation().ok()) {
            throw located(compiled, source, text.strip(), text.strip().length() - source.length());
        }
        chunks.clear();
        chunks.addAll(kept);
        it = itNow;
        scope = compiled.scope();
        return List.copyOf(names);
    }

    /**
     * The bare names of the functions, constants, constructors and machines
     * of the last scope compiled (the loaded module's, its imports', the
     * Prelude's, the prompt's); empty before the first. Never compiles.
     */
    java.util.Set<String> namesInScope() {
        if (lastCompiled == null) return java.util.Set.of();
        return lastCompiled.compilation().program().map(Names::bareNames).orElse(java.util.Set.of());
    }

    /** Binds {@code it} to the value just printed (its source text); dropped if it does not check. */
    void setIt(String valueSource) {
        chunks.removeIf(c -> c.names().equals(Set.of("it")));   // a 'let it = ...' typed earlier is replaced too
        it = "it = " + valueSource;
        scope = null;
    }

    /** The scope to check an expression in, compiled when something changed. */
    Scope scope() throws ReplError {
        if (scope != null) return scope;
        Compiled c = compile(chunks, it);
        if (!c.compilation().ok() && it != null) {
            it = null;   // e.g. a value printed with a constructor the scope sees as ambiguous
            c = compile(chunks, null);
        }
        if (!c.compilation().ok()) {
            throw ReplError.of("the definitions made at the prompt no longer check: " + c.compilation().diagnostics().get(0).message());
        }
        scope = c.scope();
        return scope;
    }

    /** A compiled scope, its file, and the line each prompt definition starts on. */
    private record Compiled(Compilation compilation, Scope scope, Path file, List<Integer> chunkLines) {}

    private Compiled compile(List<Chunk> list, String itLine) throws ReplError {
        StringBuilder source = new StringBuilder();
        String fileName = "Repl.sm";
        String moduleName = "Repl";
        List<Path> includes = new ArrayList<>();
        if (program != null) {
            String original = program.compilation().sourcesByFile().get(program.file().toString());
            source.append(original == null ? "" : original);
            if (source.length() > 0 && source.charAt(source.length() - 1) != '\n') source.append('\n');
            fileName = program.file().getFileName().toString();
            moduleName = program.moduleName();
            Path dir = program.file().toAbsolutePath().getParent();
            if (dir != null) includes.add(dir);
            includes.addAll(program.includes());
        } else {
            source.append("module Repl\n");
        }
        int first = (int) source.chars().filter(ch -> ch == '\n').count() + 1;
        List<Integer> lines = new ArrayList<>();
        for (Chunk c : list) {
            lines.add((int) source.chars().filter(ch -> ch == '\n').count() + 1);
            source.append(c.text()).append('\n');
        }
        if (itLine != null) source.append(itLine).append('\n');
        Path file = folder().resolve(fileName);
        try {
            Files.writeString(file, source);
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new Interrupted();
        } catch (IOException e) {
            throw ReplError.of("cannot write the REPL's scope: " + ReplSession.oneLine(e));
        }
        Compilation c = new Compiler(includes).compile(List.of(file));
        Interrupted.check();   // reading a file stops at Ctrl-C: what it reported is not about the program
        if (c.ok()) lastCompiled = new Scope(c, moduleName, file.toString(), first);
        return new Compiled(c, new Scope(c, moduleName, file.toString(), first), file, lines);
    }

    /**
     * The first error about the definition just typed, with a caret when it is
     * on one line ({@code offset}: how far {@code source} starts into what was
     * {@code typed}, past a {@code let}).
     */
    private static ReplError located(Compiled compiled, String source, String typed, int offset) {
        List<Diagnostic> ds = compiled.compilation().diagnostics();
        int start = compiled.chunkLines().get(compiled.chunkLines().size() - 1);
        for (Diagnostic d : ds) {
            if (!d.file().equals(compiled.file().toString()) || d.line() < start) continue;
            int line = d.line() - start;
            String message = d.message().replace("end of file", "end of the line");   // typed, not read from a file
            if (!source.contains("\n")) return ReplError.at(typed, offset + d.column() - 1, message);
            return ReplError.of("line " + (line + 1) + " of the definition: " + message);
        }
        Diagnostic d = ds.get(0);
        return ReplError.of(d.message());
    }

    private static String withoutLet(String text) {
        if (!text.startsWith("let")) return text;
        String rest = text.substring(3);
        // A layout block's later lines line up under the first binding: move them left with it.
        String[] lines = rest.split("\n", -1);
        int indent = 3 + (lines[0].length() - lines[0].stripLeading().length());
        StringBuilder b = new StringBuilder(lines[0].stripLeading());
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            int blanks = l.length() - l.stripLeading().length();
            b.append('\n').append(l.substring(Math.min(blanks, indent)));
        }
        return b.toString();
    }

    private static List<String> namesOf(Decl d) {
        if (d instanceof Decl.Function f) return List.of(f.name());
        if (d instanceof Decl.Arrow a) return List.of(a.name());
        if (d instanceof Decl.Signature s) return List.of(s.name());
        if (d instanceof Decl.TypeAlias t) return List.of(t.name());
        if (d instanceof Decl.Machine m) return List.of(m.name());
        if (d instanceof Decl.Data data) {
            List<String> names = new ArrayList<>(List.of(data.name()));
            for (Decl.ConDecl c : data.constructors()) names.add(c.name());
            return names;
        }
        return List.of();
    }

    private Path folder() throws ReplError {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("hotsm-repl");
            } catch (IOException e) {
                throw ReplError.of("cannot make a folder for the REPL's scope: " + ReplSession.oneLine(e));
            }
        }
        return folder;
    }

    @Override public void close() {
        if (folder == null) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folder = null;
    }
}
