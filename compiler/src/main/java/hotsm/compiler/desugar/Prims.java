package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.PrimOp;

/**
 * The VM primitives the desugarer itself emits (list construction and
 * matching, list {@code ++}, map printing, {@code error}), by their names in
 * {@link PrimOp}; what the standard modules bind by name is read from their
 * source instead.
 */
final class Prims {
    private Prims() {}

    /** {@code (a, List a) -> List a}. */
    static final String LIST_CONS = "LIST_CONS";
    /** {@code List a -> () + (a, List a)}. */
    static final String LIST_UNCONS = "LIST_UNCONS";
    /** {@code (List a, List a) -> List a}. */
    static final String LIST_APPEND = "LIST_APPEND";
    /** {@code Map k v -> List (k, v)}. */
    static final String MAP_TO_LIST = "MAP_TO_LIST";
    /** {@code String -> a}. */
    static final String ERROR = "ERROR";

    static PrimOp op(String name) {
        try {
            return PrimOp.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the VM has no primitive " + name, e);
        }
    }

    static Term term(String name) { return new Term.Prim(op(name)); }

    static boolean isError(PrimOp op) { return op.name().equals(ERROR); }
}
