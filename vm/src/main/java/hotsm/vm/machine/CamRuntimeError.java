package hotsm.vm.machine;

/**
 * A step that could not finish: division by zero, the step limit, a string
 * over the size limit, or (only for code that was not verified) an ill-typed
 * instruction. The machine's state is left as it was.
 */
public final class CamRuntimeError extends RuntimeException {
    public CamRuntimeError(String message) { super(message); }
}
