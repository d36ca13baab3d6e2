package hotsm.vm.bytecode;

/**
 * A primitive that cannot produce a value (division by zero, a string over
 * the length limit, {@code ERROR}'s message): the step fails with this
 * message and the state is unchanged. Each engine reports it as its own
 * run-time error.
 */
public final class PrimFailure extends RuntimeException {
    public PrimFailure(String message) { super(message, null, false, false); }
}
