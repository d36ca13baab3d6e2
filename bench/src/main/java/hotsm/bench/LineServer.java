package hotsm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The TCP baseline: a plain Java thread-per-connection line server running
 * Counter1 by hand. Each line is an input ({@code Incr} or {@code Count}),
 * each reply a line ({@code Ok}, {@code Total n}); one lock orders the steps
 * of all connections, as a node's machine thread does. Replies are flushed
 * when no further request is already buffered.
 */
final class LineServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Object machine = new Object();
    private long n;

    LineServer() throws IOException {
        socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "line-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() { return socket.getLocalPort(); }

    private void accept() {
        try {
            while (true) {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "line-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // done
        }
    }

    private void serve(Socket s) {
        try (s;
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String reply;
                synchronized (machine) {
                    if (line.equals("Incr")) {
                        n++;
                        reply = "Ok";
                    } else {
                        reply = "Total " + n;
                    }
                }
                out.write(reply);
                out.newLine();
                if (!in.ready()) out.flush();
            }
        } catch (IOException gone) {
            // the client left
        }
    }

    @Override public void close() throws IOException { socket.close(); }

    /** A client of the line server: one request, wait for its reply. */
    static final class Client implements AutoCloseable {
        private final Socket s;
        private final BufferedReader in;
        private final BufferedWriter out;

        Client(int port) throws IOException {
            s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
        }

        String call(String request) throws IOException {
            out.write(request);
            out.newLine();
            out.flush();
            return in.readLine();
        }

        @Override public void close() throws IOException { s.close(); }
    }
}
