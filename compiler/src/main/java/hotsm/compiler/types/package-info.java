/**
 * Type checking: from the parsed modules ({@link hotsm.compiler.syntax}) to
 * the resolved and typed program ({@link hotsm.compiler.types.Typed}) the
 * desugarer reads.
 *
 * <p>Input: modules in dependency order (the Prelude first), whose top-level
 * names {@link hotsm.compiler.resolve.Binder} binds first. Output: a
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
 * Language v2: {@code List}/{@code Map} are built in and the standard
 * modules List, Map and String are imported qualified everywhere; a
 * function-typed value may only be an argument (checked once the
 * declaration's types are known, as are record field accesses and
 * updates, which resolve by the inferred record type); lists join the
 * exhaustiveness check as {@code [] | _ :: _}.
 * Primitives: a standard module binds a VM primitive with {@code name = primitive}
 * (the Prelude's {@code showInt}, {@code length}) or {@code name = primitive "OP"},
 * and a signature; {@code "fold"}, {@code "show"} and {@code "error"} are built
 * by the compiler instead; uses become
 * {@link hotsm.compiler.types.Typed.PrimCall} or
 * {@link hotsm.compiler.types.Typed.PrimArrow}.
 *
 * <p>The checker defines no top-level name: it looks uses up while it infers.
 * {@code ExprChecker} infers, {@code CallChecker} resolves variables,
 * applications and constructors (locals, then a machine's where block, then
 * the {@link hotsm.compiler.resolve.ModuleScope} the binder built),
 * {@code CmdChecker} the arrows of commands. The typed tree has its visitors
 * ({@link hotsm.compiler.types.TypedExprVisitor}, {@link hotsm.compiler.types.TypedPatternVisitor},
 * {@link hotsm.compiler.types.TypedCmdVisitor}, {@link hotsm.compiler.types.TypedStmtVisitor},
 * {@link hotsm.compiler.types.ArrowRefVisitor}; {@link hotsm.compiler.types.TypeVisitor} for types).
 */
package hotsm.compiler.types;
