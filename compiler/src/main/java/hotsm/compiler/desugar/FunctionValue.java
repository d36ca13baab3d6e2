package hotsm.compiler.desugar;

import hotsm.compiler.desugar.Scope.Occurrence;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import java.util.List;
import java.util.Map;

/**
 * What a function-typed parameter stands for while a call that passes a
 * function is specialised (LANGUAGE.md §13): known at compile time, so the IR
 * never holds a closure. A lambda keeps the names it saw where it was
 * written and the {@link Lowering} of that place (its type variables); its
 * body is compiled where it is applied, in the same run-time environment,
 * which only grew since (slots are never moved).
 */
sealed interface FunctionValue {

    /** {@code \p -> body}, written where {@code variables} and {@code functions} were in scope. */
    record Lambda(Typed.Lambda lambda, Map<String, Occurrence> variables, Map<String, FunctionValue> functions,
                  Lowering lowering) implements FunctionValue {}

    /** A named function at the given type arguments (read in {@code lowering}'s erasure). */
    record Named(String function, List<Type> typeArgs, Lowering lowering) implements FunctionValue {}

    /** A primitive, or a function the compiler builds ({@code show}), of type {@code type} in {@code lowering}. */
    record Primitive(Typed.PrimRef ref, Lowering lowering) implements FunctionValue {}
}
