package hotsm.repl;

import hotsm.vm.types.TypeDesc;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: {@code :commands} at the start of a line; after
 * {@code :load} and {@code :upgrade}, file paths ({@code .sm}, {@code .cam}
 * and folders); after {@code :machine}, {@code :ir}, {@code :bytecode}, the
 * loaded file's machines; elsewhere the constructor names of the current
 * machine's input type (local, or the node's from {@code info}). Candidates
 * are already filtered by the word being completed.
 */
final class ReplCompleter implements Completer {
    private final ReplSession session;

    ReplCompleter(ReplSession session) { this.session = session; }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> words = line.words();
        String first = words.isEmpty() ? "" : words.get(0);
        if (line.wordIndex() == 0) {
            if (word.startsWith(":")) {
                for (Command c : Commands.ALL) add(candidates, ":" + c.name(), c.help(), word);
            } else {
                constructors(word, candidates);
            }
            return;
        }
        if (!first.startsWith(":")) {
            constructors(word, candidates);
            return;
        }
        Optional<Command> command = Commands.find(first.substring(1));
        if (command.isEmpty()) return;
        switch (command.get().completion()) {
            case FILE -> {
                if (line.wordIndex() == 1) files(word, command.get().name().equals("load") ? List.of(".sm") : List.of(".sm", ".cam"), candidates);
            }
            case MACHINE -> machines(word, candidates);
            case COMMAND -> { for (Command c : Commands.ALL) add(candidates, c.name(), c.help(), word); }
            case INPUT -> constructors(word, candidates);
            case NONE -> { }
        }
    }

    private static void add(List<Candidate> candidates, String value, String description, String prefix) {
        if (value.startsWith(prefix)) {
            candidates.add(new Candidate(value, value, null, description, null, null, true));
        }
    }

    private void constructors(String word, List<Candidate> candidates) {
        Optional<TypeDesc> type = session.inputType();
        Set<String> offered = new LinkedHashSet<>();
        if (type.isPresent()) offered.addAll(constructorNames(type.get()));
        offered.addAll(session.namesInScope());   // functions, definitions, constructors of the last scope compiled
        for (String name : offered) add(candidates, name, null, word);
    }

    /** Every constructor a value of {@code type} may mention, outermost type first. */
    static List<String> constructorNames(TypeDesc type) {
        Set<String> names = new LinkedHashSet<>();
        collect(type, names, new LinkedHashSet<>());
        return new ArrayList<>(names);
    }

    private static void collect(TypeDesc type, Set<String> names, Set<TypeDesc> seen) {
        if (!seen.add(type)) return;
        if (type instanceof TypeDesc.Data d) {
            for (TypeDesc.Constructor c : d.constructors()) names.add(c.name());
            for (TypeDesc.Constructor c : d.constructors()) for (TypeDesc f : c.fields()) collect(f, names, seen);
        } else if (type instanceof TypeDesc.Tuple t) {
            for (TypeDesc c : t.components()) collect(c, names, seen);
        } else if (type instanceof TypeDesc.ListOf l) {
            collect(l.element(), names, seen);
        } else if (type instanceof TypeDesc.MapOf m) {
            collect(m.key(), names, seen);
            collect(m.value(), names, seen);
        }
    }

    private void machines(String word, List<Candidate> candidates) {
        LoadedProgram program = session.program();
        if (program == null) return;
        for (String qualified : program.machineNames()) {
            add(candidates, qualified, null, word);
            String bare = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (!bare.equals(qualified)) add(candidates, bare, null, word);
        }
    }

    /** Paths below the session's base directory: folders (to go on), and files with one of {@code extensions}. */
    private void files(String word, List<String> extensions, List<Candidate> candidates) {
        int slash = word.lastIndexOf('/');
        String folderPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        Path folder = session.files().baseDir().resolve(FileResolver.expandHome(folderPart.isEmpty() ? "." : folderPart));
        if (!Files.isDirectory(folder)) return;
        Set<String> found = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(prefix) || (name.startsWith(".") && !prefix.startsWith("."))) continue;
                if (Files.isDirectory(entry)) found.add(name + "/");
                else if (extensions.stream().anyMatch(name::endsWith)) found.add(name);
            }
        } catch (IOException e) {
            return;
        }
        for (String name : found) {
            boolean folderEntry = name.endsWith("/");
            candidates.add(new Candidate(folderPart + name, name, null, null, null, null, !folderEntry));
        }
    }
}
