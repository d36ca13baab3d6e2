package hotsm.compiler.desugar;

import static hotsm.compiler.desugar.TypedTrees.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.vm.types.TypeDesc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeDescsTest {
    private static final Map<String, DataType> TYPES = Map.of("Prelude.Bool", BOOL_DATA, "Prelude.Maybe", MAYBE);

    @Test
    void primitivesTuplesAndBareDataNames() {
        assertEquals(TypeDesc.BOOL, TypeDescs.of(BOOL, TYPES));
        assertEquals(TypeDesc.UNIT, TypeDescs.of(UNIT, TYPES));
        assertEquals(new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.STR, TypeDesc.BOOL)),
                TypeDescs.of(tuple(INT, Type.STRING, BOOL), TYPES));
    }

    @Test
    void parametersAreInstantiatedInTheFields() {
        TypeDesc maybeInt = TypeDescs.of(con("Prelude.Maybe", INT), TYPES);
        assertEquals(new TypeDesc.Data("Maybe", List.of(TypeDesc.INT), List.of(
                new TypeDesc.Constructor("Nothing", List.of()),
                new TypeDesc.Constructor("Just", List.of(TypeDesc.INT)))), maybeInt);
        TypeDesc nested = TypeDescs.of(con("Prelude.Maybe", con("Prelude.Maybe", BOOL)), TYPES);
        assertEquals("Maybe (Maybe Bool)", nested.toString());
        assertEquals(new Erasure(TYPES, Map.of()).erase(con("Prelude.Maybe", con("Prelude.Maybe", BOOL))), nested.erase());
    }

    @Test
    void unconstrainedVariablesAreUnitAndFunctionsHaveNoDescription() {
        assertEquals("Maybe ()", TypeDescs.of(con("Prelude.Maybe", new Type.Var(7, "b")), TYPES).toString());
        assertThrows(IllegalArgumentException.class, () -> TypeDescs.of(new Type.Fun(INT, INT), TYPES));
    }
}
