package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** What the AST builders share: the file name, positions and the diagnostics they report. */
final class BuildContext {
    private final String file;
    private final List<Diagnostic> diagnostics;

    BuildContext(String file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    String file() { return file; }

    Position pos(Token token) {
        return new Position(file, token.getLine(), token.getCharPositionInLine() + 1);
    }

    Position pos(ParserRuleContext ctx) { return pos(ctx.getStart()); }

    /** {@code n}, {@code M.n}, {@code C}, {@code M.C} from one (possibly qualified) name token. */
    QualName name(Token token) {
        String text = token.getText();
        int dot = text.indexOf('.');
        Position pos = pos(token);
        if (dot < 0) return QualName.bare(text, pos);
        return new QualName(Optional.of(text.substring(0, dot)), text.substring(dot + 1), pos);
    }

    void error(Token at, String message) {
        diagnostics.add(Diagnostic.error(pos(at), at.getText() == null ? 1 : at.getText().length(), message));
    }

    void error(Position at, int length, String message) { diagnostics.add(Diagnostic.error(at, length, message)); }
}
