/**
 * Module loading, binding and name resolution (LANGUAGE.md §5).
 *
 * <p>{@link hotsm.compiler.resolve.ModuleLoader} reads the files given and,
 * transitively, the modules they import (the importing file's folder, then
 * the {@code -I} paths, then the standard library), adds the implicit
 * {@code import Prelude}, refuses cycles, and returns the modules in
 * dependency order. {@link hotsm.compiler.resolve.ModuleScope} answers which
 * entity a top-level name denotes inside one module: its own names shadow
 * imported ones, plain imports are usable bare (if unambiguous) and
 * qualified, {@code import M as A} only as {@code A.x}; imports are not
 * re-exported. Its lookups carry the errors and "did you mean" suggestions
 * ({@link hotsm.compiler.resolve.Suggestions}) for top-level names.
 *
 * <p>{@link hotsm.compiler.resolve.Binder} is the binding pass, run on every
 * module (in dependency order) before any is checked: it fills each module's
 * {@link hotsm.compiler.resolve.ModuleInfo} with the top-level names it
 * declares (data types, aliases, constructors, functions, arrows, primitives,
 * machines), pairs signatures with their names and builds the module's
 * {@code ModuleScope} from its imports. It reports what is wrong with names
 * alone (an import not loaded, a module or a name defined twice, a built-in
 * type or predefined arrow defined again, a signature twice or without a
 * definition, a primitive the VM does not provide); of two definitions the
 * first is bound. Input: the parsed modules; output: one
 * {@link hotsm.compiler.resolve.Binder.Bound} per module; invariant: a
 * {@code ModuleInfo} is complete before the checker reads it, and only read
 * after.
 *
 * <p>Uses of names are looked up in what the binder built while the checker
 * infers (local variables first, then a machine's where block, then the
 * module's scope): locals and where entries are typed as they are bound, so
 * they stay the checker's. This package depends only on {@code syntax} and
 * {@code diag}: an {@link hotsm.compiler.resolve.Entity.Constructor} names its
 * data declaration, and the checked data type is the checker's (found by
 * {@code dataTypeName()}), which keeps the packages acyclic
 * ({@code PackageDependenciesTest}).
 */
package hotsm.compiler.resolve;
