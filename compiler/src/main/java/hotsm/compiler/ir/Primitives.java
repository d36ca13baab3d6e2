package hotsm.compiler.ir;

import hotsm.vm.bytecode.PrimFailure;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.PrimSignature;
import hotsm.vm.bytecode.ShapeAlgebra;
import hotsm.vm.value.Meter;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;

/**
 * The IR's view of {@link PrimOp}: the typing rule and the semantics are the
 * vm's table (one fact, one place: the verifier and the CAM read the same
 * rows); this class turns its failures into the IR's errors.
 */
public final class Primitives {
    private Primitives() {}

    /** The result shape of {@code op} applied to {@code in}; throws {@link IrTypeError}. */
    public static Shape type(PrimOp op, Shape in) {
        try {
            return op.typeOf(ShapeAlgebra.TREES, in);
        } catch (PrimSignature.Mismatch e) {
            throw new IrTypeError(name(op) + " expects " + e.expected() + ", got " + in);
        }
    }

    private static String name(PrimOp op) {
        return Character.isLetter(op.symbol().charAt(0)) ? op.symbol() : "(" + op.symbol() + ")";
    }

    /** Applies {@code op}; throws {@link IrRuntimeError} for division by zero or a badly typed argument. */
    public static Value apply(PrimOp op, Value in) {
        try {
            return op.apply(in, Meter.FREE);
        } catch (PrimFailure e) {
            throw new IrRuntimeError(e.getMessage());
        } catch (ClassCastException e) {
            throw new IrRuntimeError(name(op) + " applied to a value of the wrong shape " + in);
        }
    }
}
