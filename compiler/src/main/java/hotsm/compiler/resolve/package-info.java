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
 * re-exported.
 */
package hotsm.compiler.resolve;
