package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The passes over the AST ({@code syntax}) and the typed tree ({@code types})
 * go through their visitors or test with {@code instanceof} patterns: none
 * casts to a case, which is how an {@code instanceof} chain used to end, so a
 * new case compiled and then failed at run time. The same holds for what a
 * name lookup finds ({@code ModuleScope.Lookup}, {@code Entity}).
 */
class NoCastsToTreeCasesTest {
    private static final Path SOURCES = Path.of("src/main/java/hotsm/compiler");
    private static final Pattern CAST =
            Pattern.compile("\\(\\s*(?:Expr|Pattern|Cmd|Decl|TypeExpr|Typed|Type|Entity|ModuleScope)\\.[A-Z]\\w*[a-z]\\w*\\s*\\)\\s*[A-Za-z_(]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    static List<String> casts(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = CAST.matcher(COMMENT.matcher(source).replaceAll(" "));
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void theCheckFindsACast() {
        assertEquals(List.of("(Expr.Case) e"), casts("return caseExpr((Expr.Case) e, locals);"));
        assertEquals(List.of("(Typed.PStr) p"), casts("Value.of(((Typed.PStr) p).value())"));
        assertEquals(List.of(), casts("if (e instanceof Expr.Case c) return c; // (Expr.Case) e"));
    }

    @Test
    void noPassCastsToACaseOfTheTrees() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 50, "read the compiler's sources: " + files.size());
        List<String> found = new ArrayList<>();
        for (Path f : files) for (String c : casts(Files.readString(f))) found.add(SOURCES.relativize(f) + ": " + c);
        assertEquals(List.of(), found, "use the tree's visitor (or an instanceof pattern) instead of a cast");
    }
}
