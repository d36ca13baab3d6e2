package hotsm.vm.jit;

/** The JIT will not compile this code (it then runs on the interpreter); the message says why. */
public final class JitRefusal extends RuntimeException {
    public JitRefusal(String reason) { super(reason); }
}
