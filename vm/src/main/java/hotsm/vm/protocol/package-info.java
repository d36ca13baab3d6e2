/**
 * The node protocol over TCP (docs/protocol.md): a versioned handshake, then
 * length-prefixed frames ({@code u32 length | u8 type | u32 request id |
 * body}) with a maximum size. Values travel in LANGUAGE.md §4's erased
 * representation, types as {@link hotsm.vm.types.TypeDesc}s so a client can
 * print and parse values without the source, artifacts as their
 * {@code .cam} bytes.
 *
 * <p>{@link hotsm.vm.protocol.NodeServer} serves a {@link hotsm.vm.node.Node}
 * to many clients at once; each request gets exactly one reply with its id,
 * and a connection may pipeline requests. Errors are messages: a bad,
 * unknown or oversized request is answered with an {@code ERROR} frame and
 * at worst that client's connection is closed; the node and its machine
 * thread never are. The transport (Netty: {@link hotsm.vm.protocol.NodeServer},
 * {@link hotsm.vm.protocol.HandshakeHandler}, {@link hotsm.vm.protocol.FrameDecoder},
 * {@link hotsm.vm.protocol.RequestHandler}) keeps the budgets of
 * {@link hotsm.vm.protocol.ServerLimits}; the message codec
 * ({@link hotsm.vm.protocol.Messages}, {@code WireIn}, {@code WireOut}) knows
 * nothing of it. {@link hotsm.vm.protocol.NodeClient} is the client the
 * command line and the REPL use: a blocking call reads its own reply on the
 * calling thread ({@code Replies}), and a {@link hotsm.vm.protocol.StepStream}
 * pipelines one thread's steps in batches ({@code RequestWriter}).
 *
 * <p>Who may talk (docs/security.md): the handshake proves both sides know a
 * {@link hotsm.vm.protocol.Cookie} ({@link hotsm.vm.protocol.CookieProof},
 * HMAC-SHA-256 over fresh nonces) before any request is read, inside TLS 1.3
 * when a {@link hotsm.vm.protocol.ConnectionSecurity} has it
 * ({@link hotsm.vm.protocol.TlsContexts}, from PEM files).
 */
package hotsm.vm.protocol;
