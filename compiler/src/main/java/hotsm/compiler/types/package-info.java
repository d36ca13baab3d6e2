/**
 * Type checking: from the parsed modules ({@link hotsm.compiler.syntax}) to
 * the resolved and typed program ({@link hotsm.compiler.types.Typed}) the
 * desugarer reads.
 *
 * <p>Input: modules in dependency order (the Prelude first). Output: a
 * {@link hotsm.compiler.types.CheckResult} with the program and every error.
 * The checker is Hindley–Milner (Damas–Milner's algorithm W with a mutable
 * substitution, {@link hotsm.compiler.types.Unifier}) with let-polymorphism
 * for top-level functions only; signatures introduce rigid variables.
 * Declarations are checked on first use, which both orders them and finds
 * cycles (recursion is refused: every step of a machine must terminate).
 * Exhaustiveness follows Maranget's "Warnings for pattern matching".
 *
 * <p>Invariants of a program without errors: every type is closed except for
 * the type parameters of the polymorphic function it is in; local names are
 * unique within their function, machine or migration; machines' types are
 * closed; every case is exhaustive and has no unreachable alternative.
 * Primitives: the Prelude binds a VM primitive with {@code name = primitive}
 * and a signature ({@code showInt}, {@code length}); uses become
 * {@link hotsm.compiler.types.Typed.PrimCall} or
 * {@link hotsm.compiler.types.Typed.PrimArrow}.
 */
package hotsm.compiler.types;
