package hotsm.vm.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/bytecode.md §6 and §7 say what {@link Opcode} and {@link PrimOp} say:
 * one line per instruction and per primitive, in table order, nothing more.
 */
class TablesMatchDocsTest {
    private static final Path DOC = Path.of(System.getProperty("hotsm.root", "..")).resolve("docs/bytecode.md");

    static String row(Opcode o) {
        return String.format("| `%02x` | `%s` | %s | %s | %s |", o.code(), o.mnemonic(), o.operandsDoc(), o.transition(), o.typing());
    }

    static String row(PrimOp p) {
        return String.format("| `%02x` | `%s` | `%s` | `%s` | %s | %s |", p.code(), p.name(), p.symbol(), p.signature(),
                p.cost(), p.result());
    }

    /** The table rows of one section: lines naming an upper-case mnemonic in the second column. */
    private static List<String> rows(String section) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## " + section);
        assertTrue(start >= 0, "docs/bytecode.md has no section " + section);
        int end = doc.indexOf("\n## ", start + 1);
        List<String> rows = new ArrayList<>();
        for (String line : doc.substring(start, end).split("\n")) {
            if (line.matches("\\| `[0-9a-f]{2}` \\| `[A-Z_]+` \\|.*")) rows.add(line);
        }
        return rows;
    }

    @Test
    void everyInstructionIsOneLineOfSection6() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Opcode o : Opcode.values()) expected.add(row(o));
        assertEquals(String.join("\n", expected), String.join("\n", rows("6.")));
    }

    @Test
    void everyPrimitiveIsOneLineOfSection7() throws IOException {
        List<String> expected = new ArrayList<>();
        for (PrimOp p : PrimOp.values()) expected.add(row(p));
        assertEquals(String.join("\n", expected), String.join("\n", rows("7.")));
    }

    @Test
    void bytesAreDistinctAndDecodeBack() {
        for (Opcode o : Opcode.values()) assertEquals(o, Opcode.ofByte(o.code()));
        for (PrimOp p : PrimOp.values()) assertEquals(p, PrimOp.ofByte(p.code()));
    }
}
