package hotsm.vm.protocol;

/** {@code HOST:PORT} as the command lines take it ({@code localhost:7070}, {@code [::1]:7070}). */
public record HostPort(String host, int port) {

    /** @throws IllegalArgumentException with a message for people */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT (like 127.0.0.1:7070), got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in '" + text + "' is not a number");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range 1..65535");
        return new HostPort(host, port);
    }

    @Override public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
