package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The token stream after the layout pass; virtual tokens print as
 * {@code {* ;* }*}, retagged contextual keywords as {@code state!}.
 */
class LayoutTest {
    private static void module(String source, String expected) { assertEquals(expected, LayoutDump.module(source)); }

    @Test
    void topLevelLinesAtColumnOneAreSeparatedAndIndentedLinesContinue() {
        module("""
                x = 1
                f n =
                  n + 1
                data D
                  = A
                  | B
                """, "x = 1 ;* f n = n + 1 ;* data D = A | B");
    }

    @Test
    void doOpensABlockAtItsFirstToken() {
        module("""
                a = proc x -> do
                  y <- f -< x
                  returnA -< y
                b = 2
                """, "a = proc x -> do {* y <- f -< x ;* returnA -< y }* ;* b = 2");
    }

    @Test
    void doBlockOnOneLineWithSemicolons() {
        module("a = proc x -> do put -< (0, False) ; returnA -< Done",
                "a = proc x -> do {* put -< ( 0 , False ) ; returnA -< Done }*");
    }

    @Test
    void nestedBlocksCloseTogetherOnADedent() {
        module("""
                a = proc i -> case i of
                  A -> do
                    returnA -< 1
                  B -> returnA -< 2
                b = 3
                """, "a = proc i -> case i of {* A -> do {* returnA -< 1 }* ;* B -> returnA -< 2 }* ;* b = 3");
    }

    @Test
    void explicitBracesInsideALayoutBlockAreLeftAlone() {
        module("""
                a = proc i -> do
                  returnA -< case i of { Incr -> Incr3 ; Count -> Count3 }
                  returnA -< 1
                """, "a = proc i -> do {* returnA -< case i of { Incr -> Incr3 ; Count -> Count3 } ;* returnA -< 1 }*");
    }

    @Test
    void explicitBracesAcrossLines() {
        module("""
                f x = case x of {
                    A -> 1 ;
                  B -> 2 }
                """, "f x = case x of { A -> 1 ; B -> 2 }");
    }

    @Test
    void closingParenthesisClosesTheBlocksOpenedInside() {
        module("f x = (case x of A -> 1) + 2", "f x = ( case x of {* A -> 1 }* ) + 2");
    }

    @Test
    void commaClosesTheBlocksOpenedInsideTheParenthesis() {
        module("f x = (case x of A -> 1, 2)", "f x = ( case x of {* A -> 1 }* , 2 )");
    }

    @Test
    void thenAndElseCloseTheBlocksOpenedAfterTheirIf() {
        module("f x = if x then case x of A -> 1 else 2",
                "f x = if x then case x of {* A -> 1 }* else 2");
    }

    @Test
    void inClosesTheBlocksOpenedAfterItsLet() {
        module("f x = let y = case x of A -> 1 in y", "f x = let {* y = case x of {* A -> 1 }* }* in y");
    }

    @Test
    void letOpensABlockOfBindings() {
        module("f x = let a = 1\n          b = a\n      in b", "f x = let {* a = 1 ;* b = a }* in b");
        module("f x = let a = 1; b = a in b", "f x = let {* a = 1 ; b = a }* in b");
    }

    @Test
    void aLineLeftOfTheBindingsButRightOfTheBlockContinuesTheBinding() {
        module("a = proc x -> do\n      let total = x\n        + 1\n      returnA -< total",
                "a = proc x -> do {* let {* total = x + 1 }* ;* returnA -< total }*");
    }

    @Test
    void aSemicolonEndsTheBindingsOfALetStatement() {
        module("a = proc x -> do { let y = 1; returnA -< y }", "a = proc x -> do { let {* y = 1 }* ; returnA -< y }");
    }

    @Test
    void ifInsideADoBlockAcrossLines() {
        module("""
                a = proc x -> do
                  if x
                    then put -< 1
                    else do
                      put -< 2
                      put -< 3
                  returnA -< x
                """, "a = proc x -> do {* if x then put -< 1 else do {* put -< 2 ;* put -< 3 }* ;* returnA -< x }*");
    }

    @Test
    void thenAndElseAtTheColumnOfTheDoBlockContinueTheIf() {
        module("""
                a = proc x -> do
                  if x
                  then put -< 1
                  else put -< 2
                  returnA -< x
                """, "a = proc x -> do {* if x then put -< 1 else put -< 2 ;* returnA -< x }*");
    }

    @Test
    void machineHeaderOpensABlockOnTheNextLine() {
        module("""
                machine m : In -> Out
                  state Int = 0
                  proc i -> do
                    n <- get -< ()
                    returnA -< n
                  where
                    bump = proc k -> put -< k
                x = 1
                """, "machine m : In -> Out {* state! Int = 0 ;* proc i -> do {* n <- get -< ( ) ;* returnA -< n }* "
                        + ";* where {* bump = proc k -> put -< k }* }* ;* x = 1");
    }

    @Test
    void whereIndentedLessThanTheStepButMoreThanTheItemsStillEndsTheStep() {
        module("""
                machine m : In -> Out
                  state Int = 0
                  proc i -> case i of
                      A -> returnA -< 1
                    where
                      f = 1
                """, "machine m : In -> Out {* state! Int = 0 ;* proc i -> case i of {* A -> returnA -< 1 }* "
                        + ";* where {* f = 1 }* }*");
    }

    @Test
    void aHeaderMayContinueOnIndentedLines() {
        module("""
                machine m
                  : (Int, Int)
                  -> Out
                  state Int = 0
                upgrade Old.m
                  -> m
                  state = proc s -> returnA -< s
                """, "machine m : ( Int , Int ) -> Out {* state! Int = 0 }* ;* upgrade Old.m -> m {* state! = proc s -> returnA -< s }*");
    }

    @Test
    void upgradeWithoutItemsIsAnEmptyBlock() {
        module("""
                upgrade A.m -> m
                downgrade m -> A.m
                  input = proc input -> returnA -< input
                """, "upgrade A.m -> m {* }* ;* downgrade m -> A.m {* input! = proc input -> returnA -< input }*");
    }

    @Test
    void contextualKeywordsAreOrdinaryNamesElsewhere() {
        module("""
                machine m : In -> Out
                  state Int = state
                  proc state -> returnA -< output
                  where
                    input = 1
                """, "machine m : In -> Out {* state! Int = state ;* proc state -> returnA -< output ;* where {* input = 1 }* }*");
    }

    @Test
    void explicitBracesAfterAHeader() {
        module("machine m : A -> B { state Int = 0 ; proc i -> returnA -< i }",
                "machine m : A -> B { state! Int = 0 ; proc i -> returnA -< i }");
    }

    @Test
    void commentsAreIgnoredIncludingNestedBlockComments() {
        module("""
                x = 1 -- one
                {- a {- nested -} comment
                   over lines -}
                y = {- inline -} 2
                """, "x = 1 ;* y = 2");
    }

    @Test
    void aBlockWhoseFirstTokenIsNotIndentedIsEmpty() {
        module("""
                f = proc x -> do
                g = 1
                """, "f = proc x -> do {* }* ;* g = 1");
    }

    @Test
    void expressionModeHasNoTopLevelBlock() {
        assertEquals("case x of {* A -> 1 ; B -> 2 }*", LayoutDump.expression("case x of A -> 1 ; B -> 2"));
        assertEquals("f x", LayoutDump.expression("f\nx"));
    }
}
