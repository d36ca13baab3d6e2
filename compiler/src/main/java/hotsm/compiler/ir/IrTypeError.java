package hotsm.compiler.ir;

/** An IR term does not type-check against the domain (and state) it was given. */
public final class IrTypeError extends RuntimeException {
    public IrTypeError(String message) { super(message); }
}
