package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every construct of LANGUAGE.md §2-7 parses to the expected AST (printed by {@link AstPrinter}). */
class ParserTest {
    static Module parse(String source) {
        ParseResult result = Parser.parseModule("Test.sm", source);
        assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
        assertNotNull(result.module());
        return result.module();
    }

    /** The printed declarations, one per line. */
    private static String decls(String source) {
        Module m = parse(source);
        StringBuilder out = new StringBuilder();
        for (Decl d : m.decls()) out.append(out.length() == 0 ? "" : "\n").append(AstPrinter.print(d));
        return out.toString();
    }

    private static String expr(String source) {
        ExprParseResult result = Parser.parseExpression("<repl>", source);
        assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
        return AstPrinter.print(result.expr());
    }

    @Test
    void moduleHeaderAndImports() {
        Module m = parse("module Counter3\nimport Counter1\nimport Counter2 as C\nx = 1\n");
        assertEquals("Counter3", m.name());
        assertEquals(List.of(new Module.Import("Counter1", Optional.empty(), new Position("Test.sm", 2, 1)),
                new Module.Import("Counter2", Optional.of("C"), new Position("Test.sm", 3, 1))), m.imports());
        assertEquals(new Position("Test.sm", 1, 1), m.pos());
    }

    @Test
    void moduleNameDefaultsToTheFileBaseName() {
        assertEquals("Vending", Parser.parseModule("samples/vending/Vending.sm", "x = 1").module().name());
        assertEquals("Lock", Parser.parseModule("C:\\src\\Lock.sm", "").module().name());
        assertEquals(List.of(), Parser.parseModule("Empty.sm", "-- nothing\n").module().decls());
    }

    @Test
    void dataDeclarations() {
        assertEquals("(data Maybe [a] Nothing (Just a))\n(data Shape [] (Circle Int) (Rect (Maybe Int) (tuple Int Int) ()))",
                decls("data Maybe a = Nothing | Just a\ndata Shape\n  = Circle Int\n  | Rect (Maybe Int) (Int, Int) ()"));
    }

    @Test
    void typeAliasesWithAndWithoutParameters() {
        assertEquals("(type Pair2 [] (tuple Int Int))\n(type P [a b] (tuple a (M.Maybe b) String))",
                decls("type Pair2 = (Int, Int)\ntype P a b = (a, M.Maybe b, String)"));
    }

    @Test
    void signaturesWithArrowTypes() {
        assertEquals("(sig f (-> (tuple Int Int) (-> Bool ())))\n(sig g (-> (Maybe (Either a b)) a))",
                decls("f : (Int, Int) -> Bool -> ()\ng : Maybe (Either a b) -> a"));
    }

    @Test
    void functionsConstantsAndArrows() {
        assertEquals("""
                (fun double n (+ n n))
                (fun clamp (tuple lo hi x) (if (< x lo) lo (if (> x hi) hi x)))
                (const limit 10)
                (arrow bump (proc k (-< put k)))
                (fun isZero 0 True)""",
                decls("""
                        double n = n + n
                        clamp (lo, hi, x) = if x < lo then lo else if x > hi then hi else x
                        limit = 10
                        bump = proc k -> put -< k
                        isZero 0 = True
                        """));
    }

    @Test
    void operatorPrecedenceLoosestFirst() {
        assertEquals("(|| (&& (== a b) (/= c d)) (< e f))", expr("a == b && c /= d || e < f"));
        assertEquals("(== (++ s (++ t u)) v)", expr("s ++ t ++ u == v"));
        assertEquals("(<= (- (- a b) c) (+ d (% (* e f) g)))", expr("a - b - c <= d + e * f % g"));
        assertEquals("(>= (/ x 2) 0)", expr("x / 2 >= 0"));
    }

    @Test
    void unaryMinusBindsLooserThanApplicationAndTighterThanTimes() {
        assertEquals("(* (negate x) y)", expr("-x * y"));
        assertEquals("(negate (f x))", expr("- f x"));
        assertEquals("(- f 3)", expr("f -3"));
        assertEquals("(f -3)", expr("f (-3)"));
        assertEquals("-9223372036854775808", expr("-9223372036854775808"));
        assertEquals("(- 1 (negate (negate x)))", expr("1 - - -x"));
    }

    @Test
    void applicationConstructorsTuplesAndLiterals() {
        assertEquals("(Just (tuple x y))", expr("Just (x, y)"));
        assertEquals("(Total (f x) ())", expr("Total (f x) ()"));
        assertEquals("(M.f M.C \"a\\\"b\\\\c\\nd\\te\" 42)", expr("M.f M.C \"a\\\"b\\\\c\\nd\\te\" 42"));
        assertEquals("(tuple 1 (tuple 2 3) \"\")", expr("(1, (2, 3), \"\")"));
        assertEquals("x", expr("((x))"));
    }

    @Test
    void stringEscapesAreResolved() {
        Expr.StrLit s = (Expr.StrLit) Parser.parseExpression("r", "\"q\\\"b\\\\n\\nt\\t\"").expr();
        assertEquals("q\"b\\n\nt\t", s.value());
    }

    @Test
    void ifLetAndCaseExpressions() {
        assertEquals("(let (tuple a b) p (if (> a b) a (+ b 1)))", expr("let (a, b) = p in if a > b then a else b + 1"));
        assertEquals("(+ 1 (if c 2 3))", expr("1 + if c then 2 else 3"));
        assertEquals("(case m (Nothing -> 0) ((Just (tuple x _)) -> x))",
                expr("case m of { Nothing -> 0 ; Just (x, _) -> x }"));
        assertEquals("(case m (Nothing -> 0) ((Just x) -> x))", expr("case m of\n  Nothing -> 0\n  Just x -> x"));
    }

    @Test
    void patterns() {
        assertEquals("(case p (_ -> 0) (-1 -> 1) (\"s\" -> 2) (() -> 3) ((tuple a (M.C b c) (Left (Just _))) -> 4) (True -> 5))",
                expr("case p of { _ -> 0 ; -1 -> 1 ; \"s\" -> 2 ; () -> 3 ; (a, M.C b c, Left (Just _)) -> 4 ; True -> 5 }"));
    }

    @Test
    void inputStateAndOutputAreOrdinaryNamesInExpressionsAndPatterns() {
        assertEquals("(fun f (tuple input state) (+ input state))", decls("f (input, state) = input + state"));
        assertEquals("(let output input output)", expr("let output = input in output"));
    }

    @Test
    void commands() {
        assertEquals("""
                (arrow a (proc (tuple x y) (do (<- (tuple p q) (-< get ())) (let z (+ p x)) (-< M.put z) \
                (if (> z 0) (-< returnA Ok) (case y (A -> (-< returnA Ok)) (_ -> (do (-< bump 1) (-< returnA Ok))))))))""",
                decls("""
                        a = proc (x, y) -> do
                          (p, q) <- get -< ()
                          let z = p + x
                          M.put -< z
                          if z > 0
                            then returnA -< Ok
                            else case y of
                              A -> returnA -< Ok
                              _ -> do
                                bump -< 1
                                returnA -< Ok
                        """));
    }

    @Test
    void parenthesisedCommand() {
        assertEquals("(arrow a (proc x (-< f x)))", decls("a = proc x -> (f -< x)"));
    }

    @Test
    void machineWithStateStepAndWhere() {
        assertEquals("(machine m (Maybe Int) Out (state (tuple Int Bool) (tuple 0 False)) (proc i (-< bump i)) "
                        + "(where (sig inc (-> Int Int)) (fun inc n (+ n 1)) (arrow bump (proc k (-< put k)))))",
                decls("""
                        machine m : Maybe Int -> Out
                          state (Int, Bool) = (0, False)
                          proc i -> bump -< i
                          where
                            inc : Int -> Int
                            inc n = n + 1
                            bump = proc k -> put -< k
                        """));
    }

    @Test
    void upgradeAndDowngradeWithAllClauses() {
        assertEquals("(upgrade Counter2.counter counter (state (proc (tuple _ new) (-< returnA (tuple new False)))) "
                        + "(input (proc i (-< returnA i))) (output (proc o (-< returnA o))))\n(downgrade counter A.counter)",
                decls("""
                        upgrade Counter2.counter -> counter
                          state  = proc (_, new) -> returnA -< (new, False)
                          input  = proc i -> returnA -< i
                          output = proc o -> returnA -< o
                        downgrade counter -> A.counter
                        """));
    }

    @Test
    void explicitBracesEverywhere() {
        assertEquals("(machine m A B (state Int 0) (proc i (do (<- n (-< get ())) (-< returnA n))))",
                decls("machine m : A -> B { state Int = 0 ; proc i -> do { n <- get -< () ; returnA -< n } }"));
    }

    @Test
    void positionsAreOneBasedAndBinaryNodesSitAtTheirOperator() {
        Decl.Function f = (Decl.Function) parse("x = 1\nfoo n =\n  n  +  1").decls().get(1);
        assertEquals(new Position("Test.sm", 2, 1), f.pos());
        Expr.Binary plus = (Expr.Binary) f.body();
        assertEquals(new Position("Test.sm", 3, 6), plus.pos());
        assertEquals(new Position("Test.sm", 3, 3), plus.left().pos());
        assertEquals(new Position("Test.sm", 3, 9), plus.right().pos());
    }

    @Test
    void crlfLineEndingsAndAByteOrderMark() {
        assertEquals("(const x 1)\n(const y 2)", decls("\uFEFFx = 1\r\ny = 2\r\n"));
    }
}
