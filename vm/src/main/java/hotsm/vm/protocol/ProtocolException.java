package hotsm.vm.protocol;

/** Bytes that do not follow the protocol. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) { super(message); }
}
