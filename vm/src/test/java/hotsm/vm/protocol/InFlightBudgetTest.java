package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: {@code --max-in-flight} exceeded. A client that pipelines more
 * requests than the budget while the machine is busy gets no error: the node
 * stops taking its requests (and reading its connection) at the budget, and
 * serves the rest, in order, as replies go out.
 */
class InFlightBudgetTest {

    @Test
    void requestsBeyondTheBudgetWaitUnreadAndAreServedInOrder() throws Exception {
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        NodeOptions options = NodeOptions.defaults().withLog(c -> {
            if (hold.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicInteger started = new AtomicInteger();
        try (Node node = Node.start(counter1(), options)) {
            // What the server asks of the node, counted: a request it started is one it took off the connection.
            NodeService counted = (NodeService) Proxy.newProxyInstance(NodeService.class.getClassLoader(),
                    new Class<?>[] {NodeService.class}, (proxy, method, args) -> {
                        if (method.getName().equals("step")) started.incrementAndGet();
                        try {
                            return method.invoke(node, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try (NodeServer server = NodeServer.start(counted, InetAddress.getLoopbackAddress(), 0,
                    ServerLimits.defaults().withMaxInFlight(2));
                 NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()), Optional.of(id1()))) {
                hold.set(true);   // the machine thread stops at the next command until released
                List<CompletableFuture<Frame>> replies = new ArrayList<>();
                try {
                    for (int i = 0; i < 10; i++) replies.add(c.stepAsync(INCR, null));
                    replies.add(c.stepAsync(COUNT, null));
                    while (started.get() < 2) Thread.sleep(10);
                    Thread.sleep(300);   // time for more to be taken, if the budget did not hold
                    assertEquals(2, started.get(), "the node took only as many requests as the budget allows");
                } finally {
                    hold.set(false);
                    release.countDown();
                }
                for (int i = 0; i < 10; i++) assertEquals(OK, c.output(replies.get(i)).output());
                assertEquals(total(10), c.output(replies.get(10)).output());
                assertEquals(11, started.get());
            }
        }
    }

    /**
     * Requests that waited at the budget and are answered at once when they start (pings here) are
     * started one after another, not each from inside the last one's answer: thousands of them, read
     * while the machine was held, are all answered, in order.
     */
    @Test
    void manyWaitingRequestsAnsweredAtOnceAreAllServedInOrder() throws Exception {
        hotsm.vm.node.HoldingLog log = hotsm.vm.node.HoldingLog.atFirstStep();
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log));
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0,
                     ServerLimits.defaults().withMaxInFlight(1));
             NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()), Optional.of(id1()))) {
            List<CompletableFuture<Frame>> replies = new ArrayList<>();
            try {
                replies.add(c.stepAsync(INCR, null));
                log.awaitHeld();
                for (int i = 0; i < 5_000; i++) replies.add(c.request(MessageType.PING.code(), new byte[0]));
            } finally {
                log.release();
            }
            assertEquals(OK, c.output(replies.get(0)).output());
            for (int i = 1; i < replies.size(); i++) {
                Frame pong = c.awaitReply(replies.get(i));
                assertEquals(MessageType.PONG.code(), pong.type(), "reply " + i);
            }
        }
    }
}
