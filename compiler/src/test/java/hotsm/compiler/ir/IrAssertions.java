package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.types.Shape;
import java.util.Set;

/** Checks shared by the desugarer's tests: the IR stays inside the fixed set of LANGUAGE.md §8 and is well typed. */
public final class IrAssertions {
    /**
     * The fixed set of terms (LANGUAGE.md §8, and §13: {@code Fold}, calls of
     * shared definitions, {@code error}); nothing else may appear in a desugared term.
     */
    public static final Set<Class<?>> FIXED_SET = Set.of(Term.Id.class, Term.Compose.class, Term.Fst.class,
            Term.Snd.class, Term.Fork.class, Term.Par.class, Term.Drop.class, Term.Inl.class, Term.Inr.class,
            Term.Case.class, Term.Dist.class, Term.Const.class, Term.Prim.class, Term.Get.class, Term.Put.class,
            Term.Fold.class, Term.Call.class, Term.Fail.class);

    private IrAssertions() {}

    /** Every node of {@code t} is one of {@link #FIXED_SET}, and its printed form shows no {@code Arr}. */
    public static void assertFixedSetOnly(Term t) {
        assertEquals(FIXED_SET, Set.of(Term.class.getPermittedSubclasses()), "the IR's cases are the fixed set");
        walk(t);
        String printed = IrPrinter.print(t);
        String outsideStrings = printed.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        assertFalse(outsideStrings.matches("(?s).*\\b(arr|Arr|ARR|embed|Embed)\\b.*"), printed);
    }

    private static void walk(Term t) {
        assertTrue(FIXED_SET.contains(t.getClass()), "not an IR term of the fixed set: " + t.getClass());
        if (t instanceof Term.Compose c) { walk(c.f()); walk(c.g()); }
        if (t instanceof Term.Fork c) { walk(c.f()); walk(c.g()); }
        if (t instanceof Term.Par c) { walk(c.f()); walk(c.g()); }
        if (t instanceof Term.Case c) { walk(c.f()); walk(c.g()); }
        if (t instanceof Term.Fold f) walk(f.f());
        if (t instanceof Term.Call c) walk(c.definition().body());
    }

    /** {@code t : domain -> result} with state {@code state} (null: none). */
    public static void assertTyped(Term t, Shape domain, Shape result, Shape state) {
        assertEquals(result, IrTyping.typeOf(t, domain, state), () -> "type of " + IrPrinter.print(t));
    }
}
