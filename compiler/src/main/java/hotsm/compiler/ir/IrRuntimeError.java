package hotsm.compiler.ir;

/**
 * The reference interpreter stopped: division or remainder by zero
 * ({@code "division by zero"}), or a term applied to a value it is not typed
 * for (only possible for terms that {@link IrTyping} rejects).
 */
public final class IrRuntimeError extends RuntimeException {
    public IrRuntimeError(String message) { super(message); }
}
