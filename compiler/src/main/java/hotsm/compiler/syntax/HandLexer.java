package hotsm.compiler.syntax;

import hotsm.grammar.SmLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.LexerATNSimulator;

/**
 * {@link SmLexer} with its common tokens scanned by hand: white space, line
 * comments, names, keywords, integers, closed strings on one line and
 * punctuation make the same tokens (type, text, position, indexes) through
 * the same token factory as ANTLR's simulation of the lexer's automaton, in
 * about half its time (JFR: lexing was a seventh of a 10,000-line parse, the
 * making of the tokens, which is the same for both, included). At
 * anything else (a block comment, a tab, a stray or unterminated character,
 * the end of the input) the generated lexer reads the next token itself,
 * from the same position, line and column, so everything the grammar says
 * about those stays the grammar's. {@code HandLexerTest} compares both on
 * every {@code .sm} file of the repository, on every literal token of the
 * grammar's vocabulary (so a token added to {@code SmLexer.g4} and not here
 * fails it) and on random inputs.
 *
 * <p>Positions: ANTLR counts a column per code point and a line per
 * {@code \n}; the hand path reads the source {@code String}, so it is used
 * only when each code point is one {@code char} (no surrogate pairs).
 */
final class HandLexer extends SmLexer {
    /** The keywords (by length, with their token types): the generated lexer prefers them to a name of the same length. */
    private static final String[][] KEYWORDS = new String[10][];
    private static final int[][] KEYWORD_TYPES = new int[10][];

    static {
        for (int length = 0; length < KEYWORDS.length; length++) {
            java.util.List<String> words = new java.util.ArrayList<>();
            java.util.List<Integer> types = new java.util.ArrayList<>();
            for (int type = 1; type <= VOCABULARY.getMaxTokenType(); type++) {
                String literal = VOCABULARY.getLiteralName(type);   // 'module', '->', ...
                if (literal != null && Character.isLetter(literal.charAt(1)) && literal.length() == length + 2) {
                    words.add(literal.substring(1, literal.length() - 1));
                    types.add(type);
                }
            }
            KEYWORDS[length] = words.toArray(new String[0]);
            KEYWORD_TYPES[length] = new int[types.size()];
            for (int i = 0; i < types.size(); i++) KEYWORD_TYPES[length][i] = types.get(i);
        }
    }

    private final String source;   // null: the generated lexer reads everything
    private final int end;

    HandLexer(String source, CharStream input) {
        super(input);
        this.source = source.length() == input.size() ? source : null;
        this.end = source.length();
    }

    @Override
    public Token nextToken() {
        if (source == null) return super.nextToken();
        String s = source;
        LexerATNSimulator sim = getInterpreter();
        int p = _input.index();
        int line = sim.getLine();
        int column = sim.getCharPositionInLine();
        while (p < end) {   // white space and line comments, skipped as the rules WHITESPACE and LINE_COMMENT do
            char c = s.charAt(p);
            if (c == '\n') {
                line++;
                column = 0;
                p++;
            } else if (c == ' ' || c == '\r' || c == '\f' || c == '\uFEFF') {
                column++;
                p++;
            } else if (c == '-' && p + 1 < end && s.charAt(p + 1) == '-') {
                int q = p + 2;
                while (q < end && s.charAt(q) != '\r' && s.charAt(q) != '\n') q++;
                column += q - p;
                p = q;
            } else {
                break;
            }
        }
        int start = p;
        int type = p < end ? scan(s, p) : 0;
        if (type == 0) {   // the generated lexer goes on from here
            _input.seek(start);
            sim.setLine(line);
            sim.setCharPositionInLine(column);
            return super.nextToken();
        }
        int stop = start + tokenLength;
        _input.seek(stop);
        sim.setLine(line);
        sim.setCharPositionInLine(column + tokenLength);
        _hitEOF = stop >= end;
        _tokenStartCharIndex = start;
        _tokenStartLine = line;
        _tokenStartCharPositionInLine = column;
        _channel = DEFAULT_TOKEN_CHANNEL;
        _type = type;
        _text = null;
        _token = _factory.create(_tokenFactorySourcePair, type, null, DEFAULT_TOKEN_CHANNEL, start, stop - 1, line, column);
        return _token;
    }

    /** The length of the token {@link #scan} found. */
    private int tokenLength;

    /** The type of the token at {@code p} (its length in {@link #tokenLength}), or 0 if the generated lexer is to read it. */
    private int scan(String s, int p) {
        char c = s.charAt(p);
        char next = p + 1 < end ? s.charAt(p + 1) : 0;
        if ((c >= 'a' && c <= 'z') || c == '_') {
            int q = idEnd(s, p + 1);
            tokenLength = q - p;
            if (c == '_') return tokenLength == 1 ? WILDCARD : LOWER;
            if (tokenLength >= KEYWORDS.length) return LOWER;
            String[] words = KEYWORDS[tokenLength];
            for (int i = 0; i < words.length; i++) if (s.startsWith(words[i], p)) return KEYWORD_TYPES[tokenLength][i];
            return LOWER;
        }
        if (c >= 'A' && c <= 'Z') {
            int q = idEnd(s, p + 1);
            if (q + 1 < end && s.charAt(q) == '.') {
                char after = s.charAt(q + 1);
                if ((after >= 'a' && after <= 'z') || after == '_') {
                    tokenLength = idEnd(s, q + 2) - p;
                    return QUALIFIED_LOWER;
                }
                if (after >= 'A' && after <= 'Z') {
                    tokenLength = idEnd(s, q + 2) - p;
                    return QUALIFIED_UPPER;
                }
            }
            tokenLength = q - p;
            return UPPER;
        }
        if (c >= '0' && c <= '9') {
            int q = p + 1;
            while (q < end && s.charAt(q) >= '0' && s.charAt(q) <= '9') q++;
            tokenLength = q - p;
            return INT;
        }
        tokenLength = 1;
        switch (c) {
            case '(': return LPAREN;
            case ')': return RPAREN;
            case ',': return COMMA;
            case ';': return SEMI;
            case '[': return LBRACKET;
            case ']': return RBRACKET;
            case '}': return RBRACE;
            case '*': return STAR;
            case '%': return PERCENT;
            case '\\': return BACKSLASH;
            case '{': return next == '-' ? 0 : LBRACE;
            case '-': return next == '<' ? two(FEED) : next == '>' ? two(ARROW) : MINUS;
            case '<': return next == '-' ? two(BIND) : next == '=' ? two(LE) : LT;
            case '>': return next == '=' ? two(GE) : GT;
            case '=': return next == '=' ? two(EQ) : EQUALS;
            case '/': return next == '=' ? two(NE) : SLASH;
            case '+': return next == '+' ? two(CONCAT) : PLUS;
            case ':': return next == ':' ? two(CONS) : COLON;
            case '|': return next == '|' ? two(OR) : BAR;
            case '&': return next == '&' ? two(AND) : 0;
            case '.': {
                if (!((next >= 'a' && next <= 'z') || next == '_')) return 0;
                tokenLength = idEnd(s, p + 2) - p;
                return FIELD;
            }
            case '"': return string(s, p);
            default: return 0;
        }
    }

    private int two(int type) {
        tokenLength = 2;
        return type;
    }

    /** A string closed on its line: STRING; anything else (unterminated, a bad escape) is left to the generated lexer. */
    private int string(String s, int p) {
        int q = p + 1;
        while (q < end) {
            char c = s.charAt(q);
            if (c == '"') {
                tokenLength = q + 1 - p;
                return STRING;
            }
            if (c == '\r' || c == '\n') return 0;
            if (c == '\\') {
                if (q + 1 >= end || s.charAt(q + 1) == '\r' || s.charAt(q + 1) == '\n') return 0;
                q += 2;
            } else {
                q++;
            }
        }
        return 0;
    }

    /** The end of the identifier characters ({@code [A-Za-z0-9_']}) from {@code q}. */
    private int idEnd(String s, int q) {
        while (q < end) {
            char c = s.charAt(q);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'') {
                q++;
            } else {
                break;
            }
        }
        return q;
    }
}
