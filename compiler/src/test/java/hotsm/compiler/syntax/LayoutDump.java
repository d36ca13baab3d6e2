package hotsm.compiler.syntax;

import hotsm.grammar.LayoutTokenSource;
import hotsm.grammar.SmLexer;
import hotsm.grammar.VirtualToken;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** The token stream after layout, virtual tokens as {@code {* ;* }*}, for layout tests. */
final class LayoutDump {
    private LayoutDump() {}

    static String module(String source) { return dump(source, LayoutTokenSource.Mode.MODULE); }

    static String expression(String source) { return dump(source, LayoutTokenSource.Mode.EXPRESSION); }

    private static String dump(String source, LayoutTokenSource.Mode mode) {
        LayoutTokenSource layout = new LayoutTokenSource(new SmLexer(CharStreams.fromString(source)), mode);
        StringBuilder out = new StringBuilder();
        for (Token t = layout.nextToken(); t.getType() != Token.EOF; t = layout.nextToken()) {
            if (out.length() > 0) out.append(' ');
            out.append(t.getText());
            if (t instanceof VirtualToken) out.append('*');
            else if (t.getType() == SmLexer.STATE || t.getType() == SmLexer.INPUT || t.getType() == SmLexer.OUTPUT) out.append('!');
        }
        return out.toString();
    }
}
