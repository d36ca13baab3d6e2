package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiler's packages are phases, so they must form a DAG: a package
 * cycle means a phase reaches back into a later one. The graph is read from
 * the main sources (imports and qualified references, comments ignored).
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/hotsm/compiler");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bhotsm\\.compiler((?:\\.[a-z]\\w*)*)(?:\\.[A-Z]|\\.\\*)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** Package -> the other hotsm.compiler packages its sources refer to. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String text = COMMENT.matcher(Files.readString(f)).replaceAll(" ");
            Matcher pm = PACKAGE.matcher(text);
            if (!pm.find()) fail(f + " has no package declaration");
            String pkg = pm.group(1);
            Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String dep = "hotsm.compiler" + m.group(1);
                if (!dep.equals(pkg)) deps.add(dep);
            }
        }
        return graph;
    }

    @Test
    void theGraphIsReadFromTheSources() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.keySet().containsAll(List.of("hotsm.compiler", "hotsm.compiler.syntax", "hotsm.compiler.types",
                "hotsm.compiler.resolve", "hotsm.compiler.desugar", "hotsm.compiler.ir")), g.keySet().toString());
        assertTrue(g.get("hotsm.compiler.types").contains("hotsm.compiler.syntax"), g.toString());
        assertTrue(g.get("hotsm.compiler.desugar").contains("hotsm.compiler.ir"), g.toString());
    }

    @Test
    void thereIsNoPackageCycle() throws IOException {
        Map<String, Set<String>> g = graph();
        Map<String, Integer> state = new TreeMap<>();   // 1 on the stack, 2 done
        for (String p : g.keySet()) {
            List<String> cycle = cycleFrom(p, g, state, new ArrayList<>());
            assertEquals(List.of(), cycle, "package cycle: " + String.join(" -> ", cycle));
        }
    }

    private static List<String> cycleFrom(String p, Map<String, Set<String>> g, Map<String, Integer> state, List<String> stack) {
        Integer s = state.get(p);
        if (s != null && s == 2) return List.of();
        if (s != null) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(p), stack.size()));
            cycle.add(p);
            return cycle;
        }
        state.put(p, 1);
        stack.add(p);
        for (String d : g.getOrDefault(p, Set.of())) {
            List<String> c = cycleFrom(d, g, state, stack);
            if (!c.isEmpty()) return c;
        }
        stack.remove(stack.size() - 1);
        state.put(p, 2);
        return List.of();
    }
}
