package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.types.TypeDesc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sm info} names the data types inside lists and maps, records with their fields. */
class TypeTextTest {
    @Test
    void listsMapsAndRecords() {
        TypeDesc line = new TypeDesc.Data("Line", List.of(), List.of(new TypeDesc.Constructor("Line",
                List.of(TypeDesc.STR, TypeDesc.INT), List.of("sku", "qty"))));
        assertEquals("Map String Line  where Line = Line { sku : String, qty : Int }",
                TypeText.describe(new TypeDesc.MapOf(TypeDesc.STR, line)));
        assertEquals("List (List Bool)  where Bool = False | True",
                TypeText.describe(new TypeDesc.ListOf(new TypeDesc.ListOf(TypeDesc.BOOL))));
        assertEquals("Line = Line { sku : String, qty : Int }", TypeText.describe(line));
    }
}
