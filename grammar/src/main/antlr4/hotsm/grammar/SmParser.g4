/*
 * Parser of the .sm language (LANGUAGE.md §2-7).
 *
 * It reads the token stream of LayoutTokenSource, in which every layout block
 * is bracketed by LBRACE/RBRACE and its items are separated by SEMI, whether
 * the user wrote them or the layout rule inserted them. The module itself is
 * a block at column 1 whose items are separated by SEMI but not bracketed.
 * No actions: hotsm.compiler.syntax.AstBuilder builds the AST in a visitor.
 */
parser grammar SmParser;

options { tokenVocab = SmLexer; contextSuperClass = SmContext; }

// ---------------------------------------------------------------- modules

module
    : moduleItem? (SEMI moduleItem?)* EOF
    ;

// One item of a module, alone: the front end parses the items the layout pass
// separates one at a time, so an error in one cannot spill into the next.
singleModuleItem
    : moduleItem EOF
    ;

// Only an expression, for the REPL.
replExpression
    : expr EOF
    ;

moduleItem
    : MODULE UPPER                                   # moduleHeader
    | IMPORT UPPER (AS UPPER)?                       # importDecl
    | topDecl                                        # declItem
    ;

topDecl
    : DATA UPPER LOWER* EQUALS constructorDecl (BAR constructorDecl)*   # dataDecl
    | TYPE UPPER LOWER* EQUALS typeExpr                                  # typeAliasDecl
    | MACHINE LOWER COLON btype ARROW btype machineBlock                 # machineDecl
    | UPGRADE machineRef ARROW machineRef upgradeBlock                   # upgradeDecl
    | DOWNGRADE machineRef ARROW machineRef upgradeBlock                 # downgradeDecl
    | valueDecl                                                          # valueItem
    ;

constructorDecl
    : UPPER LBRACE fieldDecl (COMMA fieldDecl)* RBRACE   # recordConstructor
    | UPPER atype*                                       # plainConstructor
    ;

fieldDecl
    : LOWER COLON typeExpr
    ;

// A signature, a function `f p = e`, a constant `c = e` or an arrow `a = proc p -> cmd`.
// `(e)` is a parenthesised expression, `(e1, e2, ...)` a tuple; likewise for patterns and types.
valueDecl
    : LOWER COLON typeExpr                           # signatureDecl
    | LOWER apattern? EQUALS rhs                     # definitionDecl
    ;

rhs
    : proc                                           # arrowRhs
    | expr                                           # expressionRhs
    ;

machineRef
    : LOWER
    | QUALIFIED_LOWER
    ;

// ---------------------------------------------------------------- machines

machineBlock
    : LBRACE machineItem? (SEMI machineItem?)* RBRACE
    ;

machineItem
    : STATE typeExpr EQUALS expr                     # stateItem
    | proc                                           # stepItem
    | WHERE localBlock                               # whereItem
    ;

localBlock
    : LBRACE valueDecl? (SEMI valueDecl?)* RBRACE
    ;

upgradeBlock
    : LBRACE upgradeItem? (SEMI upgradeItem?)* RBRACE
    ;

upgradeItem
    : STATE EQUALS proc                              # stateMigration
    | INPUT EQUALS proc                              # inputAdapter
    | OUTPUT EQUALS proc                             # outputAdapter
    ;

// ---------------------------------------------------------------- commands

proc
    : PROC pattern ARROW cmd
    ;

cmd
    : arrowName FEED expr                            # feedCmd
    | DO stmtBlock                                   # doCmd
    | CASE expr OF cmdAltBlock                       # caseCmd
    | IF expr THEN cmd ELSE cmd                      # ifCmd
    | LPAREN cmd RPAREN                              # parenCmd
    ;

arrowName
    : LOWER
    | QUALIFIED_LOWER
    ;

stmtBlock
    : LBRACE stmt? (SEMI stmt?)* RBRACE
    ;

stmt
    : LET letBlock                                   # letStmt
    | pattern BIND cmd                               # bindStmt
    | cmd                                            # cmdStmt
    ;

cmdAltBlock
    : LBRACE cmdAlt? (SEMI cmdAlt?)* RBRACE
    ;

cmdAlt
    : pattern ARROW cmd
    ;

// ---------------------------------------------------------------- expressions

// Loosest last; `==` and friends are non-associative (AstBuilder rejects a chain).
expr
    : application                                    # applicationExpr
    | MINUS expr                                     # negateExpr
    | expr op=(STAR | SLASH | PERCENT) expr          # multiplicativeExpr
    | expr op=(PLUS | MINUS) expr                    # additiveExpr
    | <assoc = right> expr op=(CONCAT | CONS) expr   # concatExpr
    | expr op=(EQ | NE | LT | LE | GT | GE) expr     # comparisonExpr
    | expr op=AND expr                               # andExpr
    | expr op=OR expr                                # orExpr
    | IF expr THEN expr ELSE expr                    # ifExpr
    | LET letBlock IN expr                           # letExpr
    | CASE expr OF altBlock                          # caseExpr
    | BACKSLASH apattern ARROW expr                  # lambdaExpr
    ;

// The bindings of a 'let', one or more, in a layout block or braces.
letBlock
    : LBRACE binding? (SEMI binding?)* RBRACE
    ;

binding
    : pattern EQUALS expr
    ;

application
    : aexpr aexpr*
    ;

aexpr
    : INT                                            # intLiteral
    | STRING                                         # stringLiteral
    | LPAREN RPAREN                                  # unitLiteral
    | LPAREN expr (COMMA expr)* RPAREN               # parenExpr
    | (LOWER | QUALIFIED_LOWER)                      # variable
    | (UPPER | QUALIFIED_UPPER)                      # constructor
    | LBRACKET (expr (COMMA expr)*)? RBRACKET        # listLiteral
    | aexpr FIELD                                    # fieldAccess
    | aexpr LBRACE fieldBind (COMMA fieldBind)* RBRACE   # recordExpr
    ;

fieldBind
    : LOWER EQUALS expr
    ;

altBlock
    : LBRACE alt? (SEMI alt?)* RBRACE
    ;

alt
    : pattern ARROW expr
    ;

// ---------------------------------------------------------------- patterns

pattern
    : cpattern CONS pattern                          # consPattern
    | cpattern                                       # plainPattern
    ;

cpattern
    : constructorName apattern+                      # constructorPattern
    | apattern                                       # atomicPattern
    ;

apattern
    : WILDCARD                                       # wildcardPattern
    | LOWER                                          # variablePattern
    | constructorName LBRACE (fieldPattern (COMMA fieldPattern)*)? RBRACE   # recordPattern
    | constructorName                                # nullaryPattern
    | MINUS? INT                                     # intPattern
    | STRING                                         # stringPattern
    | LPAREN RPAREN                                  # unitPattern
    | LPAREN pattern (COMMA pattern)* RPAREN         # parenPattern
    | LBRACKET (pattern (COMMA pattern)*)? RBRACKET  # listPattern
    ;

fieldPattern
    : LOWER EQUALS pattern
    ;

constructorName
    : UPPER
    | QUALIFIED_UPPER
    ;

// ---------------------------------------------------------------- types

typeExpr
    : btype (ARROW typeExpr)?
    ;

btype
    : constructorName atype+                         # appliedType
    | atype                                          # atomicType
    ;

atype
    : constructorName                                # namedType
    | LOWER                                          # typeVariable
    | LPAREN RPAREN                                  # unitType
    | LPAREN typeExpr (COMMA typeExpr)* RPAREN       # parenType
    ;
