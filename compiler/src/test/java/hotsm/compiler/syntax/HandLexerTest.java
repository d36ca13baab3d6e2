package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.grammar.SmLexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-scanned lexer gives the generated lexer's tokens, token for token:
 * type, text, channel, character indexes, line and column, and the lexer's
 * own line and column after each, on every {@code .sm} file of the repository
 * and on random inputs made of the grammar's pieces and its corner cases.
 */
class HandLexerTest {
    private static Path root() { return Path.of(System.getProperty("hotsm.root", "..")); }

    /** Each token of {@code lexer} to the end, with the lexer's position after it. */
    private static List<String> tokens(Lexer lexer) {
        lexer.removeErrorListeners();
        lexer.setTokenFactory(new TokenTexts());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            Token t = lexer.nextToken();
            out.add(t.getType() + " '" + t.getText() + "' ch" + t.getChannel() + " " + t.getStartIndex() + ".."
                    + t.getStopIndex() + " @" + t.getLine() + ":" + t.getCharPositionInLine() + " then @" + lexer.getLine()
                    + ":" + lexer.getCharPositionInLine() + " at " + lexer.getInputStream().index());
            if (t.getType() == Token.EOF) break;
        }
        return out;
    }

    private static void same(String source) {
        assertEquals(tokens(new SmLexer(CharStreams.fromString(source, "f.sm"))),
                tokens(new HandLexer(source, CharStreams.fromString(source, "f.sm"))), () -> "source: " + source);
    }

    @TestFactory
    Stream<DynamicTest> everyFileOfTheRepository() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".sm") && !p.toString().contains("/target/")).sorted().toList()
                    .stream().map(p -> DynamicTest.dynamicTest(root().relativize(p).toString(), () -> same(Files.readString(p))));
        }
    }

    @Test
    void cornerCases() {
        for (String s : List.of("", " ", "\n", "x", "_", "_x", "__", "x'", "A.b", "A.B", "A.", "A.1", "A..b", "A.b.c", "A.B.c",
                "a.b", ".x", "._", ".X", ".", "1.x", "12ab", "--", "--x\ny", "-->", "--<", "-<", "->", "-}", "{-", "{- x -}",
                "{- {- -} -} y", "{-", "<-", "<=", "<", "<-<", "||", "|", "&&", "&", "==", "=", "/=", "/", ">=", ">", "++", "+",
                "::", ":", "\"\"", "\"a\\\"b\"", "\"a\\", "\"a\\\n\"", "\"abc", "\"abc\n", "\"é\"", "é", "\t", "a\tb", "\r\n",
                "\f", "\uFEFF", "x\uFEFFy", "'", "\"\\\\\"", "module", "modules", "downgrade", "downgrades", "state", "as",
                "data Maybe a = Nothing | Just a", "a\u00a0b", "\ud83d\ude00", "x \ud83d\ude00 y", "-- \ud83d\ude00\nx",
                "\"a\" \"b", "Foo'.bar'", "x.y.z", "#", "@", "$", "`", "?", "!", "~", "^", "x\r", "x\ry")) {
            same(s);
        }
    }

    /** Each keyword and punctuation of the grammar, alone, doubled and between names: a new one must be lexed here too. */
    @Test
    void everyLiteralTokenOfTheGrammar() {
        for (int type = 1; type <= SmLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = SmLexer.VOCABULARY.getLiteralName(type);
            if (literal == null) continue;
            String text = literal.substring(1, literal.length() - 1).replace("\\\\", "\\");
            for (String s : List.of(text, text + text, "x" + text + "y", "A " + text + " 1", text + "-" + text)) same(s);
        }
    }

    @Test
    void randomInputs() {
        String[] pieces = {" ", "  ", "\n", "\r\n", "\t", "\f", "a", "b1", "x'", "_", "_y", "Foo", "Bar", ".", "..", "A.", "0", "42",
                "module", "import", "as", "data", "type", "machine", "proc", "do", "case", "of", "if", "then", "else", "let",
                "in", "where", "upgrade", "downgrade", "state", "-", "<", ">", "=", "/", "+", ":", "|", "&", "*", "%", ",", ";",
                "[", "]", "(", ")", "{", "}", "\\", "\"", "\"s\"", "\\\"", "--", "{-", "-}", "é", "'", "#", "\uFEFF", "\u00a0"};
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) b.append(pieces[random.nextInt(pieces.length)]);
            same(b.toString());
        }
    }
}
