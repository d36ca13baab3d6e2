package hotsm.vm.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One journal segment file: a header, then records (docs/durability.md).
 *
 * <pre>
 * header: "HSMJ" | u32 format 1 | i64 index of the first record       16 bytes
 * record: u32 payload length | u32 CRC-32C of the payload | payload    (a {@link CommandCodec} payload)
 * </pre>
 *
 * Records follow each other with no padding; their indexes count on from the
 * header's. {@link #scan} reads a segment back and tells a torn tail (a crash
 * in the middle of a write, only possible at the end of the last segment) from
 * damage (anything else, which stops recovery).
 */
final class Segment {
    private Segment() {}

    static final byte[] MAGIC = "HSMJ".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    static final int HEADER = 16;
    static final int RECORD_HEADER = 8;
    /** Larger than any record a node writes (artifacts are at most 16 MiB); a longer length is damage. */
    static final int MAX_PAYLOAD = 256 << 20;

    static ByteBuffer header(long first) {
        return ByteBuffer.allocate(HEADER).put(MAGIC).putInt(FORMAT).putLong(first).flip();
    }

    static int crc(byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(payload);
        return (int) c.getValue();
    }

    /** Called for each good record, in order. */
    interface Visitor {
        void record(long index, byte[] payload, long offset);
    }

    /**
     * What a scan found.
     *
     * @param count    good records
     * @param end      the offset after the last good record
     * @param tornWhy  null, or why the bytes from {@code end} to the end of the file are a torn last write
     */
    record Scan(long first, long count, long end, long size, String tornWhy) {}

    /**
     * Read {@code file}, handing each good record to {@code visitor}.
     *
     * @param last whether this is the newest segment (only it may end in a torn record)
     * @throws JournalException for a bad header or a damaged record, naming the file and offset
     */
    static Scan scan(Path file, long expectedFirst, boolean last, Visitor visitor) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                if (last) return new Scan(expectedFirst, 0, 0, size, "a segment header of " + size + " bytes");
                throw damaged(file, 0, "the segment header is cut short (" + size + " bytes)");
            }
            if (size > Integer.MAX_VALUE) throw damaged(file, 0, "a segment larger than 2 GiB");
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            byte[] magic = new byte[4];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw damaged(file, 0, "no HSMJ magic: not a journal segment");
            int format = b.getInt();
            if (format != FORMAT) throw damaged(file, 4, "segment format " + format + " (this node reads " + FORMAT + ")");
            long first = b.getLong();
            if (first != expectedFirst) {
                throw damaged(file, 8, "the header says the first record is " + first + " but the name says "
                        + expectedFirst);
            }
            long count = 0;
            int off = HEADER;
            while (off < size) {
                String problem = null;
                boolean pastEnd = false;
                long remaining = size - off;
                int len = 0;
                if (remaining < RECORD_HEADER) {
                    problem = "an incomplete record header (" + remaining + " bytes)";
                    pastEnd = true;
                } else {
                    len = b.getInt(off);
                    int stored = b.getInt(off + 4);
                    if (len <= 0 || len > MAX_PAYLOAD) {
                        problem = "an impossible record length " + Integer.toUnsignedString(len);
                    } else if (len > remaining - RECORD_HEADER) {
                        problem = "a record of " + len + " bytes that goes past the end of the file";
                        pastEnd = true;
                    } else {
                        byte[] payload = new byte[len];
                        b.get(off + RECORD_HEADER, payload);
                        if (crc(payload) != stored) {
                            problem = "a checksum mismatch (CRC-32C) in a record of " + len + " bytes";
                            pastEnd = off + RECORD_HEADER + len == size;
                        } else {
                            visitor.record(first + count, payload, off);
                            count++;
                            off += RECORD_HEADER + len;
                            continue;
                        }
                    }
                }
                if (last && (pastEnd || zeros(b, off))) {
                    return new Scan(first, count, off, size, problem);
                }
                throw damaged(file, off, "record " + (first + count) + ": " + problem
                        + (last ? ", with data after it" : " in a segment that is not the last"));
            }
            return new Scan(first, count, off, size, null);
        }
    }

    /** Whether everything from {@code off} on is zero (a file extended but never written, after a crash). */
    private static boolean zeros(ByteBuffer b, int off) {
        for (int i = off; i < b.limit(); i++) if (b.get(i) != 0) return false;
        return true;
    }

    static JournalException damaged(Path file, long offset, String what) {
        return new JournalException(file + ": offset " + offset + ": " + what);
    }
}
