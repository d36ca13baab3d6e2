/**
 * Module loading and name resolution (LANGUAGE.md §5).
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
 * <p>What this package does not do yet: bind every name in one pass. The
 * checker ({@code types}) fills each module's {@link hotsm.compiler.resolve.ModuleInfo}
 * as it declares the module's names, and looks names up here while it infers
 * (local variables first, then a machine's where block, then this scope), so
 * a name is resolved when its use is checked. This package depends only on
 * {@code syntax} and {@code diag}: an {@link hotsm.compiler.resolve.Entity.Constructor}
 * names its data declaration, and the checked data type is the checker's
 * (found by {@code dataTypeName()}), which keeps the packages acyclic
 * ({@code PackageDependenciesTest}).
 */
package hotsm.compiler.resolve;
