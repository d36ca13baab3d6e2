package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.SnapshotWritten;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.Version;
import hotsm.vm.node.VersionChange;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustException;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The bodies of the protocol's messages, each with its encoder and decoder (docs/protocol.md). */
public final class Messages {
    private Messages() {}

    /** A {@link MessageType#STEP} body: who the client speaks as (empty: the connection's default), and the input. */
    public record StepRequest(Optional<Identity> speaking, Value input) {}

    public static byte[] stepRequest(StepRequest r) {
        WireOut out = new WireOut().bool(r.speaking().isPresent());
        r.speaking().ifPresent(out::identity);
        return out.value(r.input()).toBytes();
    }

    public static StepRequest stepRequest(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        Optional<Identity> speaking = in.bool("interface flag") ? Optional.of(in.identity("interface identity"))
                : Optional.empty();
        Value v = in.value();
        in.end("step request");
        return new StepRequest(speaking, v);
    }

    /** A type and its encoding: the last output type encoded or decoded, kept so a stream of replies of one version encodes and decodes it once. */
    private record EncodedType(TypeDesc type, byte[] bytes) {}

    private static volatile EncodedType lastEncoded;
    private static volatile EncodedType lastDecoded;

    public static byte[] output(StepResult r) {
        EncodedType known = lastEncoded;
        if (known == null || known.type() != r.outputType()) {
            known = new EncodedType(r.outputType(), new WireOut().type(r.outputType()).toBytes());
            lastEncoded = known;
        }
        return new WireOut().raw(known.bytes()).value(r.output()).toBytes();
    }

    public static StepResult output(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        EncodedType known = lastDecoded;
        TypeDesc t;
        // A type's encoding is self-delimiting: a body that starts with the same bytes has the same type.
        if (known != null && body.length >= known.bytes().length
                && java.util.Arrays.equals(body, 0, known.bytes().length, known.bytes(), 0, known.bytes().length)) {
            in.skip(known.bytes().length, "output type");
            t = known.type();
        } else {
            t = in.type();
            lastDecoded = new EncodedType(t, java.util.Arrays.copyOf(body, in.position()));
        }
        Value v = in.value();
        in.end("output");
        return new StepResult(v, t);
    }

    public static byte[] state(StateView s) {
        return new WireOut().type(s.type()).value(s.value()).toBytes();
    }

    public static StateView state(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        TypeDesc t = in.type();
        Value v = in.value();
        in.end("state reply");
        return new StateView(t, v);
    }

    /** An {@link MessageType#INFO} body: empty for the whole history, or {@code u32 n} for the newest n versions. */
    public static byte[] infoRequest(Integer newest) {
        return newest == null ? new byte[0] : new WireOut().u32(newest).toBytes();
    }

    /** @return the number of newest versions asked for, or null for all */
    public static Integer infoRequest(byte[] body) throws ProtocolException {
        if (body.length == 0) return null;
        WireIn in = new WireIn(body);
        int n = in.u32("history entries wanted");
        in.end("info request");
        return n < 0 ? Integer.MAX_VALUE : n;
    }

    public static byte[] info(NodeInfo i) {
        WireOut out = new WireOut().string(i.name()).identity(i.identity())
                .type(i.input()).type(i.output()).type(i.state())
                .u32(i.history().size());
        for (Version v : i.history()) {
            out.identity(v.identity()).string(v.name()).i64(v.since().toEpochMilli())
                    .u8(v.arrival().ordinal()).bool(v.from().isPresent());
            v.from().ifPresent(out::identity);
            out.bool(v.signer().isPresent());
            v.signer().ifPresent(g -> out.string(g.key()).string(g.fingerprint()).i64(g.release()));
        }
        return out.i64(i.omitted()).toBytes();
    }

    public static NodeInfo info(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        String name = in.string("machine name");
        Identity id = in.identity("identity");
        TypeDesc input = in.type();
        TypeDesc output = in.type();
        TypeDesc state = in.type();
        int n = in.u32("history length");
        if (n < 0 || n > body.length) throw new ProtocolException("history length " + n + " exceeds the body");
        List<Version> history = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Identity vid = in.identity("version identity");
            String vname = in.string("version name");
            Instant since = Instant.ofEpochMilli(in.i64("version time"));
            int arrival = in.u8("version arrival");
            if (arrival >= Version.Arrival.values().length) throw new ProtocolException("unknown arrival " + arrival);
            Optional<Identity> from = in.bool("from flag") ? Optional.of(in.identity("from identity")) : Optional.empty();
            Optional<Signer> signer = in.bool("signer flag")
                    ? Optional.of(new Signer(in.string("signer key"), in.string("signer fingerprint"),
                            in.i64("signed release")))
                    : Optional.empty();
            history.add(new Version(vid, vname, since, Version.Arrival.values()[arrival], from, signer));
        }
        long omitted = in.i64("versions omitted");
        if (omitted < 0) throw new ProtocolException("negative count of versions omitted: " + omitted);
        in.end("info reply");
        return new NodeInfo(name, id, input, output, state, history, omitted);
    }

    public static byte[] changed(VersionChange c) {
        return new WireOut().u8(c.kind().ordinal()).identity(c.from()).string(c.fromName())
                .identity(c.to()).string(c.toName()).string(c.message()).toBytes();
    }

    public static VersionChange changed(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        int kind = in.u8("change kind");
        if (kind >= VersionChange.Kind.values().length) throw new ProtocolException("unknown change kind " + kind);
        VersionChange c = new VersionChange(VersionChange.Kind.values()[kind], in.identity("old identity"),
                in.string("old name"), in.identity("new identity"), in.string("new name"), in.string("message"));
        in.end("change reply");
        return c;
    }

    /** A {@link MessageType#SIGNED_UPGRADE} body: the release signature, then the artifact's bytes. */
    public record SignedUpgrade(ReleaseSignature signature, byte[] artifact) {}

    public static byte[] signedUpgrade(ReleaseSignature signature, byte[] artifact) {
        byte[] sig = signature.encode();
        byte[] body = Arrays.copyOf(sig, sig.length + artifact.length);
        System.arraycopy(artifact, 0, body, sig.length, artifact.length);
        return body;
    }

    public static SignedUpgrade signedUpgrade(byte[] body) throws ProtocolException {
        if (body.length < ReleaseSignature.LENGTH) {
            throw new ProtocolException("a signed upgrade starts with a " + ReleaseSignature.LENGTH
                    + "-byte release signature; the body has " + body.length + " bytes");
        }
        return new SignedUpgrade(signature(Arrays.copyOf(body, ReleaseSignature.LENGTH)),
                Arrays.copyOfRange(body, ReleaseSignature.LENGTH, body.length));
    }

    /** A {@link MessageType#SIGNED_DOWNGRADE} body: the release signature alone. */
    public static ReleaseSignature signature(byte[] body) throws ProtocolException {
        try {
            return ReleaseSignature.decode(body);
        } catch (TrustException e) {
            throw new ProtocolException(e.getMessage());
        }
    }

    public static byte[] interfaceRequest(Identity id) {
        return new WireOut().identity(id).toBytes();
    }

    public static Identity interfaceRequest(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        Identity id = in.identity("interface identity");
        in.end("interface request");
        return id;
    }

    public static byte[] interfaceView(InterfaceView v) {
        return new WireOut().identity(v.identity()).type(v.input()).type(v.output()).toBytes();
    }

    public static InterfaceView interfaceView(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        InterfaceView v = new InterfaceView(in.identity("interface identity"), in.type(), in.type());
        in.end("interface reply");
        return v;
    }

    /** A {@link MessageType#SNAPSHOT_REPLY} body: {@code i64} records covered, the file (string). */
    public static byte[] snapshotWritten(SnapshotWritten s) {
        return new WireOut().i64(s.position()).string(s.file()).toBytes();
    }

    public static SnapshotWritten snapshotWritten(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        SnapshotWritten s = new SnapshotWritten(in.i64("snapshot position"), in.string("snapshot file"));
        in.end("snapshot reply");
        return s;
    }

    public static byte[] error(ErrorCode code, String message) {
        return new WireOut().u16(code.code()).string(message).toBytes();
    }

    /** An {@link MessageType#ERROR} body. */
    public record ErrorReply(ErrorCode code, String message) {

        /** As the exception clients throw. */
        public Refusal toRefusal() {
            return new Refusal(reason(code), message);
        }

        static Refusal.Reason reason(ErrorCode code) {
            return switch (code) {
                case BAD_VALUE -> Refusal.Reason.BAD_VALUE;
                case STEP_FAILED -> Refusal.Reason.STEP_FAILED;
                case UNKNOWN_INTERFACE -> Refusal.Reason.UNKNOWN_INTERFACE;
                case UPGRADE_REFUSED, BAD_ARTIFACT -> Refusal.Reason.UPGRADE_REFUSED;
                case DOWNGRADE_REFUSED -> Refusal.Reason.DOWNGRADE_REFUSED;
                case STOPPED -> Refusal.Reason.STOPPED;
                case MALFORMED, UNKNOWN_REQUEST, FRAME_TOO_LARGE, HANDSHAKE, BUSY -> Refusal.Reason.PROTOCOL;
                case INTERNAL -> Refusal.Reason.INTERNAL;
                case NOT_DURABLE -> Refusal.Reason.NOT_DURABLE;
            };
        }
    }

    public static ErrorReply error(byte[] body) throws ProtocolException {
        WireIn in = new WireIn(body);
        ErrorCode code = ErrorCode.of(in.u16("error code"));
        String message = in.string("error message");
        in.end("error");
        return new ErrorReply(code, message);
    }
}
