package hotsm.vm.bytecode;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Listings of the hand-written sample artifacts match their golden files under
 * {@code src/test/resources/golden/disasm} ({@code -Dgolden.update=true} rewrites them).
 */
class DisassemblerTest {
    private static final Path ROOT = Path.of(System.getProperty("hotsm.root", ".."));
    private static final Path GOLDEN = ROOT.resolve("vm/src/test/resources/golden/disasm");

    @TestFactory
    List<DynamicTest> samplesMatchTheirGoldenListings() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Artifact a : SampleArtifacts.all()) {
            tests.add(DynamicTest.dynamicTest(a.name(), () -> {
                Path golden = GOLDEN.resolve(a.name() + ".txt");
                String listing = Disassembler.listing(a);
                if (Boolean.getBoolean("golden.update")) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(golden, listing, StandardCharsets.UTF_8);
                }
                assertTrue(Files.exists(golden), () -> "no golden file " + golden + "; run with -Dgolden.update=true");
                assertEquals(Files.readString(golden, StandardCharsets.UTF_8), listing);
            }));
        }
        return tests;
    }

    @Test
    void listsBranchesIndentedAndOperandsPrinted() {
        Artifact a = new Artifact("M.m", TypeDesc.BOOL, TypeDesc.STR, TypeDesc.INT, Value.of(-1),
                Code.of(caseOf(block(quote(Shape.STR, Value.of("no\n"))), block())),
                List.of(), List.of());
        String listing = Disassembler.listing(a);
        assertTrue(listing.contains("initial state -1\n"), listing);
        assertTrue(listing.contains("input  Bool = False | True  -- erased: () + ()\n"), listing);
        String expected = "step:\n"
                + "    0  CASE\n"
                + "         left:\n"
                + "             0  QUOTE \"no\\n\" : String\n"
                + "         right:\n"
                + "                (empty)\n";
        assertTrue(listing.endsWith(expected), listing);
    }

    @Test
    void listsArtifactsWithVeryDeepTypesWithoutOverflowing() {
        List<TypeDesc.Constructor> many = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) many.add(ctor("C" + i));
        TypeDesc wide = new TypeDesc.Data("Wide", List.of(), many);
        Artifact a = new Artifact("M.m", wide, TypeDesc.INT, TypeDesc.INT, Value.of(0), Code.of(), List.of(), List.of());
        String listing = Disassembler.listing(a);
        assertTrue(listing.contains("-- erased: () + () + ()"), () -> listing.substring(0, 300));
        assertTrue(listing.contains("..."));
    }

    @Test
    void codeListsOneBlock() {
        assertEquals("  0  PUSH\n  1  CONS\n", Disassembler.code(Code.of(push(), cons()), ""));
    }
}
