package hotsm.compiler.syntax;

import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Token sets and tokens in plain words, for syntax error messages. */
final class ExpectedTokens {
    private ExpectedTokens() {}

    private static final Set<Integer> ARGUMENT_START = Set.of(SmLexer.INT, SmLexer.STRING, SmLexer.LPAREN,
            SmLexer.LOWER, SmLexer.QUALIFIED_LOWER, SmLexer.UPPER, SmLexer.QUALIFIED_UPPER, SmLexer.LBRACKET);
    /** What may follow an argument without being another one: {@code .f} and a record's {@code {}. */
    private static final Set<Integer> ARGUMENT_SUFFIX = Set.of(SmLexer.FIELD, SmLexer.LBRACE);
    private static final Set<Integer> EXPRESSION_START = union(ARGUMENT_START,
            Set.of(SmLexer.MINUS, SmLexer.IF, SmLexer.LET, SmLexer.CASE, SmLexer.BACKSLASH));
    private static final Set<Integer> COMMAND_START = Set.of(SmLexer.LOWER, SmLexer.QUALIFIED_LOWER, SmLexer.DO,
            SmLexer.CASE, SmLexer.IF, SmLexer.LPAREN);
    private static final Set<Integer> PATTERN_START = Set.of(SmLexer.WILDCARD, SmLexer.LOWER, SmLexer.UPPER,
            SmLexer.QUALIFIED_UPPER, SmLexer.INT, SmLexer.MINUS, SmLexer.STRING, SmLexer.LPAREN, SmLexer.LBRACKET);
    private static final Set<Integer> TYPE_START = Set.of(SmLexer.UPPER, SmLexer.QUALIFIED_UPPER, SmLexer.LOWER,
            SmLexer.LPAREN);
    private static final Set<Integer> OPERATORS = Set.of(SmLexer.OR, SmLexer.AND, SmLexer.EQ, SmLexer.NE,
            SmLexer.LT, SmLexer.LE, SmLexer.GT, SmLexer.GE, SmLexer.CONCAT, SmLexer.PLUS, SmLexer.MINUS, SmLexer.STAR,
            SmLexer.SLASH, SmLexer.PERCENT, SmLexer.CONS);
    private static final Set<Integer> ENDS = Set.of(SmLexer.SEMI, SmLexer.RBRACE, Token.EOF);

    /**
     * {@code "an expression, '->' or the end of the line"}; empty for an empty
     * set. {@code previous} is the type of the token before the unexpected one
     * (it names what a bare name would be: a module, a type, a machine).
     * When the unexpected token starts a line, "the end of the line" is left
     * out: the line before did end there.
     */
    static String describe(IntervalSet expected, int previous, boolean startsLine) {
        Set<Integer> left = new LinkedHashSet<>(expected.toList());
        List<String> phrases = new ArrayList<>();
        if (left.size() == 1 && left.contains(SmLexer.UPPER) || left.equals(Set.of(SmLexer.UPPER, SmLexer.LOWER))) {
            switch (previous) {
                case SmLexer.MODULE, SmLexer.IMPORT, SmLexer.AS -> { return "a module name (capitalised)"; }
                case SmLexer.DATA, SmLexer.TYPE -> { return "a type name (capitalised)"; }
                case SmLexer.BAR, SmLexer.EQUALS -> { return "a constructor name (capitalised)"; }
                default -> { }
            }
        }
        if (left.size() == 1 && left.contains(SmLexer.LOWER) && previous == SmLexer.MACHINE) return "the machine's name";
        if (left.equals(Set.of(SmLexer.LOWER, SmLexer.QUALIFIED_LOWER)) && (previous == SmLexer.UPGRADE
                || previous == SmLexer.DOWNGRADE || previous == SmLexer.ARROW)) {
            return "a machine name (like counter or Counter1.counter)";
        }
        take(left, EXPRESSION_START, "an expression", phrases);
        if (left.contains(SmLexer.DO)) take(left, COMMAND_START, "a command", phrases);
        if (left.contains(SmLexer.WILDCARD)) take(left, PATTERN_START, "a pattern", phrases);
        if (left.containsAll(OPERATORS) || phrases.contains("an expression") && left.containsAll(withoutMinus())) {
            left.removeAll(OPERATORS);
            phrases.add("an operator");
        }
        if (left.containsAll(ARGUMENT_START)) left.removeAll(ARGUMENT_SUFFIX);
        take(left, ARGUMENT_START, "an argument", phrases);
        take(left, TYPE_START, "a type", phrases);
        boolean end = left.removeAll(ENDS);
        for (int type : left) phrases.add(tokenName(type));
        if (end && (!startsLine || phrases.isEmpty())) phrases.add("the end of the line");
        return join(phrases);
    }

    private static void take(Set<Integer> left, Set<Integer> group, String phrase, List<String> phrases) {
        if (left.containsAll(group)) {
            left.removeAll(group);
            phrases.add(phrase);
        }
    }

    private static String join(List<String> phrases) {
        if (phrases.isEmpty()) return "";
        if (phrases.size() == 1) return phrases.get(0);
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " or " + phrases.get(phrases.size() - 1);
    }

    /** How a token type reads in "expected ...". */
    static String tokenName(int type) {
        return switch (type) {
            case SmLexer.LOWER -> "a name";
            case SmLexer.UPPER -> "a capitalised name";
            case SmLexer.QUALIFIED_LOWER -> "a qualified name";
            case SmLexer.QUALIFIED_UPPER -> "a qualified capitalised name";
            case SmLexer.INT -> "a number";
            case SmLexer.STRING -> "a string";
            case SmLexer.WILDCARD -> "'_'";
            case SmLexer.STATE -> "'state'";
            case SmLexer.INPUT -> "'input'";
            case SmLexer.OUTPUT -> "'output'";
            case SmLexer.SEMI -> "';'";
            case SmLexer.LBRACE -> "'{'";
            case SmLexer.RBRACE -> "'}'";
            case Token.EOF -> "end of file";
            default -> {
                String literal = SmLexer.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : SmLexer.VOCABULARY.getDisplayName(type);
            }
        };
    }

    /** A token the user wrote, quoted: {@code 'then'}, {@code '"abc..."'}. */
    static String quote(Token t) {
        String text = t.getText() == null ? "" : t.getText();
        if (text.length() > 24) text = text.substring(0, 21) + "...";
        return "'" + text + "'";
    }

    /** What the construct being parsed looks like, when the expected tokens say nothing useful. */
    static String rulePhrase(int rule) {
        return switch (rule) {
            case SmParser.RULE_machineBlock, SmParser.RULE_machineItem ->
                    "the lines of a machine are 'state Type = value', 'proc pattern -> command' and 'where'";
            case SmParser.RULE_upgradeBlock, SmParser.RULE_upgradeItem ->
                    "the lines of an upgrade are 'state = proc ...', 'input = proc ...' and 'output = proc ...'";
            case SmParser.RULE_stmtBlock, SmParser.RULE_stmt ->
                    "a 'do' statement is 'pattern <- command', 'arrow -< expression' or 'let pattern = expression'";
            case SmParser.RULE_cmd, SmParser.RULE_proc, SmParser.RULE_arrowName ->
                    "a command is 'arrow -< expression', 'do', 'case' or 'if'";
            case SmParser.RULE_expr, SmParser.RULE_application, SmParser.RULE_aexpr, SmParser.RULE_replExpression ->
                    "this does not fit in an expression";
            case SmParser.RULE_pattern, SmParser.RULE_apattern, SmParser.RULE_constructorName -> "this does not fit in a pattern";
            case SmParser.RULE_typeExpr, SmParser.RULE_btype, SmParser.RULE_atype, SmParser.RULE_constructorDecl ->
                    "this does not fit in a type";
            case SmParser.RULE_alt, SmParser.RULE_altBlock, SmParser.RULE_cmdAlt, SmParser.RULE_cmdAltBlock ->
                    "a case alternative is 'Pattern -> ...'";
            default -> "a declaration is 'name : Type', 'name pattern = ...', 'data', 'type', 'machine', 'upgrade' or 'downgrade'";
        };
    }

    private static Set<Integer> withoutMinus() {
        Set<Integer> out = new LinkedHashSet<>(OPERATORS);
        out.remove(SmLexer.MINUS);
        return out;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
