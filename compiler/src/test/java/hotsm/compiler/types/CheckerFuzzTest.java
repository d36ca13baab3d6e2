package hotsm.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.ModuleLoader;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.ParseResult;
import hotsm.compiler.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Programs one to four words away from a valid one: whatever they say, the
 * checker returns diagnostics at real positions (or a program) and never
 * throws or reports an internal error.
 */
class CheckerFuzzTest {
    private static final String SEED = """
            module Fuzz
            data Input = Incr | Count | Set Int | Pick (Maybe (Int, Bool))
            data Output = Ok | Total Int | Text String
            type Pair = (Int, Int)
            double : Int -> Int
            double n = n + n
            label (n, s) = s ++ showInt n
            choose m = case m of
              Nothing -> 0
              Just (k, True) -> k
              Just (_, False) -> fst (1, 2)
            step = proc p -> returnA -< double (fst p)
            machine counter : Input -> Output
              state Pair = (0, 0)
              proc i -> case i of
                Incr -> do
                  (a, b) <- get -< ()
                  put -< (a + 1, b)
                  returnA -< Ok
                Count -> do
                  (a, _) <- get -< ()
                  t <- step -< (a, ())
                  if t > 10 then returnA -< Total t else returnA -< Text (label (t, "n="))
                Set k -> do
                  bump -< k
                  returnA -< Ok
                Pick m -> do
                  let c = choose m
                  returnA -< Total c
              where
                bump = proc k -> do
                  (a, b) <- get -< ()
                  put -< (a, b + k)
            machine other : Input -> Output
              state Int = 0
              proc i -> returnA -< Ok
            upgrade other -> counter
              state = proc n -> returnA -< (n, n)
              output = proc o -> returnA -< o
            """;

    private static final List<String> WORDS = List.of("x", "n", "k", "i", "a", "b", "m", "get", "put", "returnA", "fst",
            "not", "showInt", "length", "double", "label", "choose", "step", "bump", "counter", "other", "Just", "Nothing",
            "True", "Ok", "Total", "Incr", "Set", "Int", "String", "Bool", "Maybe", "Pair", "Input", "0", "1", "\"s\"", "()");

    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_']*\\b|\\b\\d+\\b");

    private static final Module PRELUDE = new ModuleLoader(List.of()).load(List.of()).modules().get(0);

    @Property(tries = 300)
    void mutantsAreCheckedWithoutCrashing(@ForAll long seed) {
        Random random = new Random(seed);
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(SEED);
        while (m.find()) words.add(new int[] {m.start(), m.end()});
        StringBuilder text = new StringBuilder(SEED);
        int mutations = 1 + random.nextInt(4);
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < mutations; i++) chosen.add(words.get(random.nextInt(words.size())));
        chosen.sort((p, q) -> Integer.compare(q[0], p[0]));
        int last = Integer.MAX_VALUE;
        for (int[] w : chosen) {
            if (w[1] > last) continue;
            text.replace(w[0], w[1], WORDS.get(random.nextInt(WORDS.size())));
            last = w[0];
        }
        String source = text.toString();
        ParseResult parsed = Parser.parseModule("Fuzz.sm", source);
        Assume.that(parsed.module() != null);
        CheckResult result = TypeChecker.check(List.of(PRELUDE, parsed.module()));
        int lines = source.split("\n", -1).length;
        for (Diagnostic d : result.diagnostics()) {
            assertFalse(d.message().contains("internal error"), d.header() + "\n" + source);
            assertEquals("Fuzz.sm", d.file(), d.header());
            assertTrue(d.line() >= 1 && d.line() <= lines && d.column() >= 1, d.header() + "\n" + source);
        }
    }

    @Property(tries = 1)
    void theSeedItselfIsValid() {
        ParseResult parsed = Parser.parseModule("Fuzz.sm", SEED);
        assertEquals(List.of(), parsed.diagnostics());
        assertEquals(List.of(), TypeChecker.check(List.of(PRELUDE, parsed.module())).diagnostics());
    }
}
