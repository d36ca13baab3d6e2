package hotsm.vm.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValueSyntaxException;
import java.util.List;

/** The value parser: what {@code sm send} and the REPL make of typed text, against a few input types. */
class ValueParserFuzzTest {

    private static TypeDesc.Constructor ctor(String name, TypeDesc... fields) {
        return new TypeDesc.Constructor(name, List.of(fields));
    }

    static final TypeDesc INPUT = new TypeDesc.Data("Input", List.of(), List.of(
            ctor("Incr"), ctor("Add", TypeDesc.INT), ctor("Name", new TypeDesc.Str()),
            ctor("Both", TypeDesc.INT, TypeDesc.BOOL)));
    static final TypeDesc ACCOUNT = new TypeDesc.Data("Account", List.of(), List.of(new TypeDesc.Constructor(
            "Account", List.of(TypeDesc.INT, new TypeDesc.Str()), List.of("balance", "owner"))));
    static final List<TypeDesc> TYPES = List.of(TypeDesc.INT, new TypeDesc.Str(), TypeDesc.BOOL, INPUT,
            new TypeDesc.Tuple(List.of(TypeDesc.INT, INPUT, new TypeDesc.Str())),
            new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT)),
            new TypeDesc.ListOf(new TypeDesc.ListOf(TypeDesc.INT)),
            new TypeDesc.MapOf(TypeDesc.INT, INPUT),
            ACCOUNT);

    @FuzzTest(maxDuration = "4s")
    void parse(FuzzedDataProvider data) {
        TypeDesc type = data.pickValue(TYPES);
        try {
            ValueParser.parse(type, data.consumeRemainingAsString());
        } catch (ValueSyntaxException expected) {
            // the parser's own error
        }
    }
}
