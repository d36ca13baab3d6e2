/*
 * Lexer of the .sm language (LANGUAGE.md §2).
 *
 * Layout (LANGUAGE.md §3) is not handled here: LayoutTokenSource reads these
 * tokens and inserts the virtual braces and semicolons the parser expects.
 * Tokens the parser must never see (tabs, stray characters, unterminated
 * strings) are separate token types that the layout pass turns
 * into diagnostics.
 */
lexer grammar SmLexer;

// Contextual keywords: the lexer produces LOWER; the layout pass retags a
// LOWER 'state' / 'input' / 'output' that starts a machine or upgrade item.
tokens { STATE, INPUT, OUTPUT }

@members {
    /**
     * Called after '{-': consumes the rest of a block comment, counting the
     * '{-' and '-}' in it, so comments nest (LANGUAGE.md §2). A closed comment
     * is skipped; one that reaches the end of the file still open is emitted
     * as a BLOCK_COMMENT token, which the layout pass reports as unterminated.
     */
    private void nestedComment() {
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                return;
            }
            int next = _input.LA(2);
            if (c == '{' && next == '-') {
                getInterpreter().consume(_input);
                getInterpreter().consume(_input);
                depth++;
            } else if (c == '-' && next == '}') {
                getInterpreter().consume(_input);
                getInterpreter().consume(_input);
                depth--;
            } else {
                getInterpreter().consume(_input);
            }
        }
        skip();
    }
}

// Keywords
MODULE    : 'module';
IMPORT    : 'import';
AS        : 'as';
DATA      : 'data';
TYPE      : 'type';
MACHINE   : 'machine';
PROC      : 'proc';
DO        : 'do';
CASE      : 'case';
OF        : 'of';
IF        : 'if';
THEN      : 'then';
ELSE      : 'else';
LET       : 'let';
IN        : 'in';
WHERE     : 'where';
UPGRADE   : 'upgrade';
DOWNGRADE : 'downgrade';

// Punctuation (longest match: '-<' before '-', '<-' before '<', ...)
FEED      : '-<';
BIND      : '<-';
ARROW     : '->';
OR        : '||';
AND       : '&&';
EQ        : '==';
NE        : '/=';
LE        : '<=';
GE        : '>=';
LT        : '<';
GT        : '>';
CONCAT    : '++';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
EQUALS    : '=';
CONS      : '::';
COLON     : ':';
COMMA     : ',';
SEMI      : ';';
BAR       : '|';
LBRACKET  : '[';
RBRACKET  : ']';
BACKSLASH : '\\';
LPAREN    : '(';
RPAREN    : ')';
LBRACE    : '{';
RBRACE    : '}';

// Names and literals
QUALIFIED_LOWER : UpperId '.' LowerId;
QUALIFIED_UPPER : UpperId '.' UpperId;
// `.f` right after an expression: record field access (LANGUAGE.md §14)
FIELD     : '.' LowerId;
WILDCARD  : '_';
LOWER     : LowerId;
UPPER     : UpperId;
INT       : Digit+;
STRING    : '"' (Escape | ~["\\\r\n])* '"';

// Trivia
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
BLOCK_COMMENT : '{-' { nestedComment(); };
WHITESPACE    : [ \r\n\f\uFEFF]+ -> skip;

// Errors, reported by the layout pass and never given to the parser
TAB                 : '\t';
UNTERMINATED_STRING : '"' (Escape | ~["\\\r\n])*;
ERROR_CHARACTER     : .;

fragment LowerId : [a-z_] IdChar*;
fragment UpperId : [A-Z] IdChar*;
fragment IdChar  : [A-Za-z0-9_'];
fragment Digit   : [0-9];
fragment Escape  : '\\' ~[\r\n];
