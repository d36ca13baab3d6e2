package hotsm.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The layout rule of LANGUAGE.md §3 as a pass between {@link SmLexer} and
 * {@link SmParser}, in the manner of Haskell's algorithm L.
 *
 * <p>{@code do}, {@code of}, {@code where}, {@code let} and a {@code machine}/{@code upgrade}/
 * {@code downgrade} header open a block. A {@code ;} written after the bindings
 * of a {@code let} statement in a {@code do} block ends that statement (so
 * {@code do { let x = 1; put -< x }} reads as it did before let blocks); in
 * an expression {@code let a = 1; b = 2 in a + b} it separates bindings. After {@code do}/{@code of}/{@code where}
 * the next token sets the block's column; after a header, the first token on
 * a later line does. The pass emits a virtual {@code LBRACE} there, a virtual
 * {@code SEMI} before every line that starts at the block's column, and a
 * virtual {@code RBRACE} when a line starts to its left or at the end of the
 * input. An explicit {@code {} after the opener makes an explicit block that
 * layout leaves alone. In {@link Mode#MODULE} the whole file is a block at
 * column 1 whose items are separated by SEMI (no braces).
 *
 * <p>Haskell's "parse-error(t)" rule, which closes an implicit block when the
 * parser cannot go on, is approximated by the tokens that end a construct
 * opened before the block: {@code )} (or {@code ]}) and {@code ,} close blocks opened inside
 * the parenthesis (or brackets), {@code then}/{@code else} those opened after the matching
 * {@code if}/{@code then}, {@code in} those after the matching {@code let},
 * {@code }} those inside the explicit brace, and {@code where} the
 * {@code do}/{@code of} blocks of the machine's step. A {@code then} or
 * {@code else} at the column of its {@code do} block continues the {@code if}
 * (as GHC's DoAndIfThenElse).
 *
 * <p>{@code state}, {@code input} and {@code output} become keywords
 * ({@code STATE}, ...) only as the first token of a machine or upgrade item.
 * It reads the lexer through a {@link LexicalErrorFilter}, so tabs, stray
 * characters and unterminated literals never reach it.
 */
public final class LayoutTokenSource implements TokenSource {

    /** What the input is: a whole module, or a single expression (REPL). */
    public enum Mode { MODULE, EXPRESSION }

    private enum Kind {
        MODULE, HEADER, DO, OF, WHERE, LET_BLOCK, LET_STATEMENT, EXPLICIT, // blocks
        PAREN, IF, THEN, LET;                    // markers of open constructs

        boolean isBlock() { return ordinal() <= EXPLICIT.ordinal(); }
    }

    /** A block (with its column; 0 for an explicit one) or a marker. */
    private record Context(Kind kind, int column, boolean headerItems) {
        boolean isImplicitBlock() { return kind.isBlock() && kind != Kind.EXPLICIT; }
    }

    private final SmLexer lexer;
    private final LexicalErrorFilter tokens;
    private final List<LexicalError> errors = new ArrayList<>();
    private final Deque<Token> output = new ArrayDeque<>();
    private final List<Context> stack = new ArrayList<>();
    /** The written SEMIs between top-level items (inserted ones are marked, {@link VirtualToken#separatesDeclarations}). */
    private final Set<Token> declarationSeparators = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean finished;

    private Kind pendingOpen;          // DO, OF, WHERE, LET_* or HEADER after its opener
    private boolean letStartsItem;     // the last 'let' started an item of a do block (a let statement)
    private Token opener;              // the token that set pendingOpen
    private Context itemStart;         // the block whose item the next token starts
    private int lastLine;              // line of the last real token
    private int lastEmittedType = Token.INVALID_TYPE;

    public LayoutTokenSource(SmLexer lexer, Mode mode) {
        this.lexer = lexer;
        this.tokens = new LexicalErrorFilter(lexer, errors);
        if (mode == Mode.MODULE) stack.add(new Context(Kind.MODULE, 1, false));
    }

    /**
     * Whether {@code t} is a SEMI between two top-level items of the module
     * (virtual or written), as opposed to one inside a block.
     */
    public boolean separatesDeclarations(Token t) {
        // only a SEMI can be one: hashing every token (its identity hash) cost more than the rest of the split;
        // an inserted one says so itself (one per item of a laid-out module: their identity hashes were 3 % of a parse)
        return t.getType() == SmLexer.SEMI
                && (t instanceof VirtualToken v ? v.separatesDeclarations : declarationSeparators.contains(t));
    }

    /** The lexical errors met so far (all of them once EOF was returned). */
    public List<LexicalError> lexicalErrors() { return List.copyOf(errors); }

    @Override
    public Token nextToken() {
        while (output.isEmpty()) {
            if (finished) return lexer.getTokenFactory().create(Token.EOF, "<EOF>");
            step(tokens.next());
        }
        return output.poll();
    }

    private void step(Token t) {
        if (t.getType() == Token.EOF) {
            if (pendingOpen != null) emitEmptyBlock(pendingOpen, t);
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (stack.get(i).isImplicitBlock() && stack.get(i).kind() != Kind.MODULE) emitVirtual(SmLexer.RBRACE, "}", t);
            }
            stack.clear();
            output.add(t);
            finished = true;
            return;
        }
        boolean firstOnLine = t.getLine() > lastLine;
        boolean layoutDone = false;
        if (pendingOpen != null) {
            if (t.getType() == SmLexer.LBRACE) {
                stack.add(new Context(Kind.EXPLICIT, 0, pendingOpen == Kind.HEADER));
                pendingOpen = null;
                emitReal(t);
                itemStart = top();
                return;
            }
            if (pendingOpen != Kind.HEADER || firstOnLine && !continuesHeader(t)) {
                int column = t.getCharPositionInLine() + 1;
                boolean header = pendingOpen == Kind.HEADER;
                Kind kind = pendingOpen;
                pendingOpen = null;
                if (column > currentIndent()) {
                    stack.add(new Context(kind, column, header));
                    emitVirtual(SmLexer.LBRACE, "{", t);
                    itemStart = top();
                    layoutDone = true;
                } else {
                    emitEmptyBlock(kind, t);
                }
            }
        }
        if (firstOnLine && !layoutDone) layoutLine(t);
        Context explicitItem = constructs(t);
        emitReal(t);
        if (explicitItem != null) itemStart = explicitItem;
        opener = t;
        switch (t.getType()) {
            case SmLexer.DO -> pendingOpen = Kind.DO;
            case SmLexer.OF -> pendingOpen = Kind.OF;
            case SmLexer.WHERE -> pendingOpen = Kind.WHERE;
            case SmLexer.LET -> pendingOpen = letStartsItem ? Kind.LET_STATEMENT : Kind.LET_BLOCK;
            case SmLexer.MACHINE, SmLexer.UPGRADE, SmLexer.DOWNGRADE -> {
                pendingOpen = Kind.HEADER;
            }
            default -> { }
        }
    }

    /**
     * A header written over several lines: an indented later line that starts
     * with a token that can only continue a type ({@code :}, {@code ->},
     * parentheses, a capitalised name) does not open the header's block.
     */
    private boolean continuesHeader(Token t) {
        if (t.getCharPositionInLine() + 1 <= currentIndent()) return false;
        return switch (t.getType()) {
            case SmLexer.COLON, SmLexer.ARROW, SmLexer.LPAREN, SmLexer.RPAREN, SmLexer.COMMA,
                 SmLexer.UPPER, SmLexer.QUALIFIED_UPPER, SmLexer.QUALIFIED_LOWER -> true;
            default -> false;
        };
    }

    /** A line starts with {@code t}: close blocks to its right, separate items at its column. */
    private void layoutLine(Token t) {
        int column = t.getCharPositionInLine() + 1;
        while (true) {
            int b = innermostBlock(stack.size() - 1);
            if (b < 0 || stack.get(b).kind() == Kind.EXPLICIT) return;
            Context block = stack.get(b);
            if (column < block.column() && isLet(block) && column > enclosingColumn(b)) {
                // a line left of the bindings but right of the enclosing block continues the binding,
                // as it did before let opened a block (`let total = a` / `  + b`)
                return;
            }
            if (column < block.column()) {
                closeFrom(b, t);
                continue;
            }
            if (column == block.column() && !continuesConstruct(t, b) && lastEmittedType != Token.INVALID_TYPE) {
                truncate(b + 1);
                output.add(new VirtualToken(SmLexer.SEMI, ";", t, block.kind() == Kind.MODULE));
                lastEmittedType = SmLexer.SEMI;
                itemStart = block;
            }
            return;
        }
    }

    /** {@code then}/{@code else}/{@code in} at the block's column continue an open if/let. */
    private boolean continuesConstruct(Token t, int block) {
        Kind wanted = switch (t.getType()) {
            case SmLexer.THEN -> Kind.IF;
            case SmLexer.ELSE -> Kind.THEN;
            case SmLexer.IN -> Kind.LET;
            default -> null;
        };
        if (wanted == null) return false;
        for (int i = stack.size() - 1; i > block; i--) {
            if (stack.get(i).kind() == wanted) return true;
        }
        return false;
    }

    /**
     * Tokens that end a construct opened before some implicit blocks close
     * those blocks. Returns the block whose item an explicit {@code ;} starts.
     */
    private Context constructs(Token t) {
        switch (t.getType()) {
            case SmLexer.LPAREN, SmLexer.LBRACKET -> stack.add(new Context(Kind.PAREN, 0, false));
            case SmLexer.RPAREN, SmLexer.RBRACKET -> closeTo(Kind.PAREN, true, t);
            case SmLexer.COMMA -> closeTo(Kind.PAREN, false, t);
            case SmLexer.LBRACE -> stack.add(new Context(Kind.EXPLICIT, 0, false));
            case SmLexer.RBRACE -> closeTo(Kind.EXPLICIT, true, t);
            case SmLexer.IF -> stack.add(new Context(Kind.IF, 0, false));
            case SmLexer.THEN -> {
                if (closeTo(Kind.IF, true, t)) stack.add(new Context(Kind.THEN, 0, false));
            }
            case SmLexer.ELSE -> closeTo(Kind.THEN, true, t);
            case SmLexer.LET -> {
                stack.add(new Context(Kind.LET, 0, false));
                letStartsItem = itemStart != null && (itemStart.kind() == Kind.DO || itemStart.kind() == Kind.EXPLICIT);
            }
            case SmLexer.IN -> closeTo(Kind.LET, true, t);
            case SmLexer.SEMI -> {
                int b = innermostBlock(stack.size() - 1);
                // 'do { let x = 1; put -< x }': the ';' ends the let statement's bindings
                if (b >= 0 && stack.get(b).kind() == Kind.LET_STATEMENT) {
                    closeFrom(b, t);
                    b = innermostBlock(stack.size() - 1);
                }
                if (b >= 0) {
                    truncate(b + 1);
                    if (stack.get(b).kind() == Kind.MODULE) declarationSeparators.add(t);
                    return stack.get(b);
                }
            }
            case SmLexer.WHERE -> closeStepBlocks(t);
            default -> { }
        }
        return null;
    }

    /**
     * Finds the innermost {@code kind} marker not beyond an explicit brace or a
     * parenthesis (unless that is what is sought), closes the implicit blocks
     * above it and pops it if {@code pop}. Returns whether it was found.
     */
    private boolean closeTo(Kind kind, boolean pop, Token at) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            Kind k = stack.get(i).kind();
            if (k == kind) {
                closeAbove(i, at);
                if (pop) truncate(i);
                return true;
            }
            if (k == Kind.EXPLICIT || k == Kind.PAREN) return false;
        }
        return false;
    }

    /** {@code where}: close the step's do/of blocks; it is a new item of the machine. */
    private void closeStepBlocks(Token at) {
        while (true) {
            int b = innermostBlock(stack.size() - 1);
            if (b < 0) return;
            Kind k = stack.get(b).kind();
            if (k != Kind.DO && k != Kind.OF) break;
            closeFrom(b, at);
        }
        int b = innermostBlock(stack.size() - 1);
        if (b < 0) return;
        truncate(b + 1);
        if (stack.get(b).headerItems() && lastEmittedType != SmLexer.SEMI && lastEmittedType != SmLexer.LBRACE) {
            emitVirtual(SmLexer.SEMI, ";", at);
        }
    }

    /** Closes every implicit block above index {@code i} (keeping {@code i}). */
    private void closeAbove(int i, Token at) {
        for (int j = stack.size() - 1; j > i; j--) {
            if (stack.get(j).isImplicitBlock()) emitVirtual(SmLexer.RBRACE, "}", at);
        }
        truncate(i + 1);
    }

    /** Closes the implicit block at index {@code b} and everything above it. */
    private void closeFrom(int b, Token at) {
        closeAbove(b, at);
        emitVirtual(SmLexer.RBRACE, "}", at);
        truncate(b);
    }

    private static boolean isLet(Context c) { return c.kind() == Kind.LET_BLOCK || c.kind() == Kind.LET_STATEMENT; }

    /** The column of the block enclosing block {@code b}; 0 inside explicit braces or outside any block. */
    private int enclosingColumn(int b) {
        int e = innermostBlock(b - 1);
        return e < 0 ? 0 : stack.get(e).column();
    }

    private int innermostBlock(int from) {
        for (int i = from; i >= 0; i--) {
            if (stack.get(i).kind().isBlock()) return i;
        }
        return -1;
    }

    /** The column of the innermost block; 0 inside explicit braces or outside any block. */
    private int currentIndent() {
        int b = innermostBlock(stack.size() - 1);
        return b < 0 ? 0 : stack.get(b).column();
    }

    private Context top() { return stack.get(stack.size() - 1); }

    private void truncate(int size) {
        while (stack.size() > size) stack.remove(stack.size() - 1);
    }

    /**
     * An opener followed by nothing indented enough: an empty block. For
     * {@code do} and {@code of} that is always wrong (a do block ends with a
     * command, a case has alternatives), and the likely cause is indentation,
     * so it is reported here where the columns are known.
     */
    private void emitEmptyBlock(Kind kind, Token at) {
        if (kind == Kind.DO || kind == Kind.OF) {
            String what = kind == Kind.DO ? "'do' block" : "'case ... of'";
            String lines = kind == Kind.DO ? "its statements" : "its alternatives";
            int enclosing = currentIndent();
            String message = at.getType() == Token.EOF ? "empty " + what + ": the file ends after '" + opener.getText() + "'"
                    : "empty " + what + ": " + lines + " must be indented more than column " + enclosing
                    + ", where the lines of the enclosing block start";
            errors.add(new LexicalError(opener.getLine(), opener.getCharPositionInLine() + 1,
                    opener.getText().length(), message));
        }
        pendingOpen = null;
        emitVirtual(SmLexer.LBRACE, "{", at);
        emitVirtual(SmLexer.RBRACE, "}", at);
    }

    private void emitVirtual(int type, String text, Token at) {
        output.add(new VirtualToken(type, text, at));
        lastEmittedType = type;
    }

    private void emitReal(Token t) {
        if (itemStart != null && itemStart.headerItems() && t.getType() == SmLexer.LOWER
                && !stack.isEmpty() && top() == itemStart && t instanceof CommonToken c) {
            switch (t.getText()) {
                case "state" -> c.setType(SmLexer.STATE);
                case "input" -> c.setType(SmLexer.INPUT);
                case "output" -> c.setType(SmLexer.OUTPUT);
                default -> { }
            }
        }
        itemStart = null;
        lastLine = t.getLine();
        lastEmittedType = t.getType();
        output.add(t);
    }

    // ------------------------------------------------------------ TokenSource

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
