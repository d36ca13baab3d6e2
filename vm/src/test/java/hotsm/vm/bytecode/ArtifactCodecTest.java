package hotsm.vm.bytecode;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCodecTest {

    @Property(tries = 500)
    void encodeThenDecodeIsTheIdentity(@ForAll long seed) {
        Artifact a = new RandomArtifacts(seed).artifact();
        byte[] bytes = ArtifactCodec.encode(a);
        Artifact back = ArtifactCodec.decode(bytes);
        assertEquals(a, back);
        assertArrayEquals(bytes, ArtifactCodec.encode(back));
        assertEquals(Identities.of(a), Identities.of(back));
    }

    @Test
    void samplesRoundTrip() {
        for (Artifact a : SampleArtifacts.all()) assertEquals(a, ArtifactCodec.decode(ArtifactCodec.encode(a)));
    }

    @Test
    void startsWithMagicAndVersion() {
        byte[] b = ArtifactCodec.encode(SampleArtifacts.counter1());
        assertArrayEquals(new byte[] {'H', 'S', 'M', 'C', 0, (byte) ArtifactCodec.VERSION}, Arrays.copyOf(b, 6));
    }

    private static ArtifactFormatException refused(byte[] bytes) {
        return assertThrows(ArtifactFormatException.class, () -> ArtifactCodec.decode(bytes));
    }

    @Test
    void refusesBadMagicAndVersion() {
        byte[] b = ArtifactCodec.encode(SampleArtifacts.counter1());
        byte[] bad = b.clone();
        bad[2] = 'X';
        ArtifactFormatException e = refused(bad);
        assertEquals("offset 2 (header): bad magic: not a hotsm artifact (expected HSMC)", e.getMessage());
        bad = b.clone();
        bad[5] = 1;
        e = refused(bad);
        assertEquals("offset 4 (header): artifact format version 1 is not supported: this VM reads version 2;"
                + " recompile it with smc", e.getMessage());
        assertEquals(0, refused(new byte[0]).offset());
    }

    @Test
    void refusesEveryTruncation() {
        byte[] b = ArtifactCodec.encode(SampleArtifacts.counter2());
        for (int n = 0; n < b.length; n++) {
            ArtifactFormatException e = refused(Arrays.copyOf(b, n));
            assertTrue(e.offset() <= n, e::getMessage);
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] b = ArtifactCodec.encode(SampleArtifacts.counter1());
        byte[] longer = Arrays.copyOf(b, b.length + 3);
        ArtifactFormatException e = refused(longer);
        assertEquals(b.length, e.offset());
        assertEquals("end of file", e.section());
        assertTrue(e.getMessage().contains("3 trailing bytes"), e::getMessage);
    }

    @Test
    void namesOffsetAndSectionOfAnUnknownOpcode() {
        Artifact a = new Artifact("M.m", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), Code.of(fst()),
                List.of(), List.of());
        byte[] b = ArtifactCodec.encode(a);
        int at = b.length - 4 - 1; // the FST byte, before the two empty section counts
        assertEquals(Opcode.FST.code(), b[at]);
        b[at] = 0x2a;
        assertEquals("offset " + at + " (step code): unknown opcode 0x2a", refused(b).getMessage());
    }

    @Test
    void refusesUnknownTagsAndPrimitives() {
        Artifact a = new Artifact("M.m", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0),
                Code.of(prim(PrimOp.NEG)), List.of(), List.of());
        byte[] b = ArtifactCodec.encode(a);
        b[b.length - 5] = 99;
        assertTrue(refused(b).getMessage().contains("unknown primitive 0x63"));
        b = ArtifactCodec.encode(a);
        int typesAt = 6 + 4 + 3;
        b[typesAt] = 9;
        ArtifactFormatException e = refused(b);
        assertEquals("offset " + typesAt + " (types): unknown type tag 0x09", e.getMessage());
    }

    @Test
    void refusesBlocksThatOverrunTheirParent() {
        Artifact a = new Artifact("M.m", TypeDesc.BOOL, TypeDesc.BOOL, TypeDesc.INT, Value.of(0),
                Code.of(caseOf(block(inr(Shape.UNIT)), block(inl(Shape.UNIT)))), List.of(), List.of());
        byte[] b = ArtifactCodec.encode(a);
        // step block length u32, CASE byte, left block length u32: make the left block claim too much.
        int stepAt = Arrays.asList(box(b)).indexOf((byte) Opcode.CASE.code()) - 4;
        int leftLength = stepAt + 4 + 1 + 3;
        b[leftLength] = 100;
        ArtifactFormatException e = refused(b);
        assertTrue(e.getMessage().contains("runs past the end of its enclosing block"), e::getMessage);
    }

    private static Byte[] box(byte[] b) {
        Byte[] r = new Byte[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[i];
        return r;
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        // QUOTE with a shape nested 100,000 Pairs deep: bytes 03 03 03 ...
        ByteSink sink = new ByteSink();
        sink.raw(new byte[] {'H', 'S', 'M', 'C', 0, (byte) ArtifactCodec.VERSION});
        sink.u32(1);
        sink.u8('m');
        sink.u8(1);
        sink.u8(1);
        sink.u8(1);
        sink.u8(1);
        sink.i64(0);
        sink.u16(0); // no shared blocks
        sink.u32(200_001);
        sink.u8(Opcode.QUOTE.code());
        for (int i = 0; i < 200_000; i++) sink.u8(ArtifactCodec.SHAPE_PAIR);
        ArtifactFormatException e = refused(sink.toByteArray());
        assertTrue(e.getMessage().contains("nested more than " + ArtifactCodec.MAX_DEPTH + " levels deep"), e::getMessage);
        assertEquals("step code", e.section());
    }

    /** Header, name "m", the given types (Int if null), initial state and step block bytes, no sections. */
    private static byte[] artifactBytes(byte[] type, byte[] initial, byte[] stepBlock) {
        ByteSink sink = new ByteSink();
        sink.raw(new byte[] {'H', 'S', 'M', 'C', 0, (byte) ArtifactCodec.VERSION});
        sink.u32(1);
        sink.u8('m');
        for (int k = 0; k < 3; k++) sink.raw(type == null ? new byte[] {ArtifactCodec.TYPE_INT} : type);
        sink.raw(initial);
        sink.u16(0); // no shared blocks
        sink.raw(stepBlock);
        sink.u16(0);
        sink.u16(0);
        return sink.toByteArray();
    }

    private static byte[] deepValue(int depth) {
        byte[] b = new byte[depth];
        Arrays.fill(b, 0, depth - 1, (byte) ArtifactCodec.VALUE_INL);
        b[depth - 1] = ArtifactCodec.VALUE_UNIT;
        return b;
    }

    private static byte[] deepBlock(int depth) {
        ByteSink block = new ByteSink();
        block.u32(0);
        byte[] inner = block.toByteArray();
        for (int i = 1; i < depth; i++) {
            ByteSink outer = new ByteSink();
            outer.u32(1 + inner.length + 4);
            outer.u8(Opcode.CASE.code());
            outer.raw(inner);
            outer.u32(0);
            inner = outer.toByteArray();
        }
        return inner;
    }

    private static byte[] deepType(int depth) {
        ByteSink t = new ByteSink();
        for (int i = 1; i < depth; i++) {
            t.u8(ArtifactCodec.TYPE_TUPLE);
            t.u16(2);
            t.u8(ArtifactCodec.TYPE_INT);
        }
        t.u8(ArtifactCodec.TYPE_INT);
        return t.toByteArray();
    }

    private static final byte[] EMPTY_BLOCK = {0, 0, 0, 0};
    private static final byte[] ZERO = {ArtifactCodec.VALUE_INT, 0, 0, 0, 0, 0, 0, 0, 0};

    @Test
    void theDeepestAllowedNestingDecodesVerifiesAndListsInASmallThreadStack() throws InterruptedException {
        List<byte[]> files = List.of(
                artifactBytes(null, deepValue(ArtifactCodec.MAX_DEPTH), EMPTY_BLOCK),
                artifactBytes(null, ZERO, deepBlock(ArtifactCodec.MAX_BLOCK_DEPTH)),
                artifactBytes(deepType(ArtifactCodec.MAX_TYPE_DEPTH), ZERO, EMPTY_BLOCK));
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                for (byte[] bytes : files) {
                    Artifact a = ArtifactCodec.decode(bytes);
                    Disassembler.listing(a);
                    try {
                        hotsm.vm.verify.Verifier.verify(a);
                    } catch (hotsm.vm.verify.VerifyException e) {
                        // refused is fine; overflowing the stack is not
                    }
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    @Test
    void refusesNestingOneLevelDeeperThanEachLimit() {
        ArtifactFormatException e = refused(artifactBytes(null, deepValue(ArtifactCodec.MAX_DEPTH + 1), EMPTY_BLOCK));
        assertEquals("initial state", e.section());
        assertTrue(e.getMessage().contains("nested more than 2000 levels deep"), e::getMessage);
        e = refused(artifactBytes(null, ZERO, deepBlock(ArtifactCodec.MAX_BLOCK_DEPTH + 1)));
        assertEquals("step code", e.section());
        assertTrue(e.getMessage().contains("blocks nested more than 256 levels deep"), e::getMessage);
        e = refused(artifactBytes(deepType(ArtifactCodec.MAX_TYPE_DEPTH + 1), ZERO, EMPTY_BLOCK));
        assertEquals("types", e.section());
        assertTrue(e.getMessage().contains("type nested more than 200 levels deep"), e::getMessage);
    }

    @Test
    void refusesOversizedFilesAndStrings() {
        assertTrue(refused(new byte[ArtifactCodec.MAX_FILE_BYTES + 1]).getMessage().contains("larger than the limit"));
        ByteSink sink = new ByteSink();
        sink.raw(new byte[] {'H', 'S', 'M', 'C', 0, (byte) ArtifactCodec.VERSION});
        sink.u32(0x7fffffff);
        ArtifactFormatException e = refused(sink.toByteArray());
        assertEquals("name", e.section());
        assertTrue(e.getMessage().contains("longer than the limit"), e::getMessage);
    }

    @Test
    void refusesToWriteWhatItCouldNotRead() {
        Code deep = Code.of();
        for (int i = 0; i < ArtifactCodec.MAX_BLOCK_DEPTH; i++) deep = Code.of(caseOf(deep, Code.of()));
        Artifact a = new Artifact("M.m", TypeDesc.INT, TypeDesc.INT, TypeDesc.INT, Value.of(0), deep, List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArtifactCodec.encode(a));
        assertTrue(e.getMessage().contains("blocks nested more than"), e::getMessage);
        Artifact longString = new Artifact("M.m", TypeDesc.STR, TypeDesc.STR, TypeDesc.STR,
                Value.of("x".repeat(ArtifactCodec.MAX_STRING_BYTES + 1)), Code.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> ArtifactCodec.encode(longString));
    }

    @Test
    void identityIgnoresInitialStateAndSections() {
        Artifact c1 = SampleArtifacts.counter1();
        Artifact other = new Artifact(c1.name(), c1.input(), c1.output(), c1.state(), Value.of(42), c1.step(),
                SampleArtifacts.counter2().upgrades(), SampleArtifacts.counter2().downgrades());
        assertEquals(Identities.of(c1), Identities.of(other));
        assertNotEquals(Identities.of(c1), Identities.of(SampleArtifacts.counter2()));
        Artifact renamed = new Artifact("Counter9.counter", c1.input(), c1.output(), c1.state(), Value.of(0),
                c1.step(), List.of(), List.of());
        assertNotEquals(Identities.of(c1), Identities.of(renamed));
        assertEquals(64, Identities.of(c1).hex().length());
    }

    /** docs/bytecode.md §12 shows these bytes and this identity. */
    @Test
    void theDocumentedExampleStaysTrue() {
        Artifact c1 = SampleArtifacts.counter1();
        byte[] b = ArtifactCodec.encode(c1);
        assertEquals(155, b.length);
        assertEquals("c303c495671e80deaaf13c1ad781d4f05220dd2067407e805e89e914d7e1cb6b", Identities.of(c1).hex());
        assertEquals("c303c495", Identities.of(c1).shortHex());
    }

    @Test
    void writesAndReadsFilesNamedAfterTheMachine(@TempDir Path dir) throws IOException {
        Artifact c = SampleArtifacts.counter3();
        assertEquals("Counter3.counter.cam", Artifacts.fileName(c));
        Path file = Artifacts.writeTo(dir, c);
        assertEquals(dir.resolve("Counter3.counter.cam"), file);
        assertEquals(c, Artifacts.read(file));
        Files.write(file, new byte[] {1, 2, 3});
        assertThrows(ArtifactFormatException.class, () -> Artifacts.read(file));
    }
}
