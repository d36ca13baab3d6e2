package hotsm.vm.protocol;

/**
 * A seam for tests to inject failures (an {@link OutOfMemoryError}, say) on
 * the server's threads, at a named point: {@code "accept"} (a new
 * connection), {@code "request"} (a decoded request, before it is
 * dispatched), {@code "reply"} (a reply, before it is encoded).
 */
@FunctionalInterface
interface Faults {
    void at(String point);

    Faults NONE = point -> { };
}
