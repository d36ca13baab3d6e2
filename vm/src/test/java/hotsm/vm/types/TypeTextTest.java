package hotsm.vm.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A type described names the data types inside lists and maps, records with their fields. */
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

    @Test
    void inlineIsTheTypeAloneInTheWordsOfItsDeclaration() {
        TypeDesc maybe = new TypeDesc.Data("Maybe", List.of(TypeDesc.INT), List.of(
                new TypeDesc.Constructor("Nothing", List.of()), new TypeDesc.Constructor("Just", List.of(TypeDesc.INT))));
        assertEquals("Maybe Int = Nothing | Just Int", TypeText.inline(maybe));
        assertEquals("Bool = False | True", TypeText.inline(TypeDesc.BOOL));
        assertEquals("(Int, Bool)", TypeText.inline(new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.BOOL))));
        assertEquals("(Int, Bool)  where Bool = False | True",
                TypeText.describe(new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.BOOL))));
    }
}
