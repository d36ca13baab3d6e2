package hotsm.cluster;

import hotsm.vm.journal.CommandCodec;
import hotsm.vm.journal.JournalException;
import hotsm.vm.node.Command;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * The bytes of an {@link Entry}. Between a member and the leader:
 * {@code u8 tag | payload} (table below). In the log, a write as the leader
 * accepted it, with the time it decided: the one non-deterministic input of a
 * machine (the version history's clock) is decided once, by the leader, and
 * every member applies the same value.
 *
 * <pre>
 * u8 1 | i64 epoch millis | artifact bytes            Init
 * u8 2 | a durable journal record (CommandCodec)      Step, Upgrade, Downgrade (the record carries the time)
 * </pre>
 *
 * <table>
 * <caption>tags between a member and the leader</caption>
 * <tr><td>1</td><td>Init</td><td>artifact bytes</td></tr>
 * <tr><td>2</td><td>Step</td><td>a protocol STEP body</td></tr>
 * <tr><td>3</td><td>Upgrade</td><td>artifact bytes</td></tr>
 * <tr><td>4</td><td>Downgrade</td><td>empty</td></tr>
 * <tr><td>17</td><td>ReadState</td><td>empty</td></tr>
 * <tr><td>18</td><td>ReadInfo</td><td>empty</td></tr>
 * <tr><td>19</td><td>ReadInterface</td><td>a protocol INTERFACE body</td></tr>
 * <tr><td>20</td><td>ReadStatus</td><td>empty</td></tr>
 * </table>
 */
public final class EntryCodec {
    private EntryCodec() {}

    /** A write as the log holds it: the leader's time and the entry. */
    public record Stamped(long epochMillis, Entry entry) {}

    public static byte[] encode(Entry e) {
        if (e instanceof Entry.Init i) return tagged(1, i.artifact());
        if (e instanceof Entry.Step s) return tagged(2, Messages.stepRequest(s.request()));
        if (e instanceof Entry.Upgrade u) return tagged(3, u.artifact());
        if (e instanceof Entry.Downgrade) return tagged(4, new byte[0]);
        if (e instanceof Entry.ReadState) return tagged(17, new byte[0]);
        if (e instanceof Entry.ReadInfo) return tagged(18, new byte[0]);
        if (e instanceof Entry.ReadInterface r) return tagged(19, Messages.interfaceRequest(r.identity()));
        if (e instanceof Entry.ReadStatus) return tagged(20, new byte[0]);
        throw new IllegalArgumentException("unknown entry " + e);
    }

    /** @throws IllegalArgumentException if the bytes are not an entry */
    public static Entry decode(byte[] bytes) {
        if (bytes.length == 0) throw new IllegalArgumentException("an empty entry");
        return decode(bytes[0] & 0xFF, Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    /** The log form of a write: what the leader appends, with the time it decided ({@code epochMillis}). */
    public static byte[] stamp(byte[] message, long epochMillis) {
        Entry e = decode(message);
        Instant time = Instant.ofEpochMilli(epochMillis);
        if (e instanceof Entry.Init i) {
            return ByteBuffer.allocate(9 + i.artifact().length).put((byte) 1).putLong(epochMillis).put(i.artifact())
                    .array();
        } else if (e instanceof Entry.Step s) {
            return tagged(2, CommandCodec.encode(new Command.Step(s.request().input(), s.request().speaking()), null));
        } else if (e instanceof Entry.Upgrade u) {
            return tagged(2, CommandCodec.encode(new Command.UpgradeFromBytes(u.artifact()), time));
        } else if (e instanceof Entry.Downgrade) {
            return tagged(2, CommandCodec.encode(new Command.Downgrade(), time));
        }
        throw new IllegalArgumentException("a read in the log: " + e);
    }

    /** @throws IllegalArgumentException if the bytes are not a log entry {@link #stamp} wrote */
    public static Stamped unstamp(byte[] logData) {
        if (logData.length >= 9 && logData[0] == 1) {
            return new Stamped(ByteBuffer.wrap(logData, 1, 8).getLong(),
                    new Entry.Init(Arrays.copyOfRange(logData, 9, logData.length)));
        }
        if (logData.length < 2 || logData[0] != 2) {
            throw new IllegalArgumentException("not a log entry (" + logData.length + " bytes)");
        }
        CommandCodec.Entry record;
        try {
            record = CommandCodec.decode(Arrays.copyOfRange(logData, 1, logData.length));
        } catch (JournalException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        long millis = record.time() == null ? 0 : record.time().toEpochMilli();
        Command c = record.command();
        if (c instanceof Command.Step s) {
            return new Stamped(millis, new Entry.Step(new Messages.StepRequest(s.speaking(), s.input())));
        } else if (c instanceof Command.UpgradeFromBytes u) {
            return new Stamped(millis, new Entry.Upgrade(u.artifact()));
        }
        return new Stamped(millis, new Entry.Downgrade());
    }

    private static Entry decode(int tag, byte[] payload) {
        try {
            return switch (tag) {
                case 1 -> new Entry.Init(payload);
                case 2 -> new Entry.Step(Messages.stepRequest(payload));
                case 3 -> new Entry.Upgrade(payload);
                case 4 -> empty(payload, new Entry.Downgrade());
                case 17 -> empty(payload, new Entry.ReadState());
                case 18 -> empty(payload, new Entry.ReadInfo());
                case 19 -> new Entry.ReadInterface(Messages.interfaceRequest(payload));
                case 20 -> empty(payload, new Entry.ReadStatus());
                default -> throw new IllegalArgumentException("unknown entry tag " + tag);
            };
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("unreadable entry (tag " + tag + "): " + e.getMessage(), e);
        }
    }

    private static Entry empty(byte[] payload, Entry e) {
        if (payload.length != 0) throw new IllegalArgumentException("entry " + e + " with a " + payload.length + "-byte body");
        return e;
    }

    private static byte[] tagged(int tag, byte[] payload) {
        return ByteBuffer.allocate(payload.length + 1).put((byte) tag).put(payload).array();
    }
}
