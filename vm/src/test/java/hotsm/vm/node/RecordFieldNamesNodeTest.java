package hotsm.vm.node;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Field names take part in "same type across versions" (LANGUAGE.md §14): an upgrade that expects other names is refused. */
class RecordFieldNamesNodeTest {
    static TypeDesc account(String... fields) {
        return data("Account", new TypeDesc.Constructor("Account", List.of(TypeDesc.INT, TypeDesc.BOOL), List.of(fields)));
    }

    @Test
    void fieldNamesArePartOfTheIdentity() {
        Code step = Code.of(get());
        TypeDesc a = account("balance", "frozen");
        TypeDesc b = account("bal", "frozen");
        TypeDesc positional = data("Account", ctor("Account", TypeDesc.INT, TypeDesc.BOOL));
        assertNotEquals(Identities.of("M.m", TypeDesc.UNIT, a, a, step), Identities.of("M.m", TypeDesc.UNIT, b, b, step));
        assertNotEquals(Identities.of("M.m", TypeDesc.UNIT, a, a, step),
                Identities.of("M.m", TypeDesc.UNIT, positional, positional, step));
    }

    @Test
    void anUpgradeExpectingOtherFieldNamesIsRefusedNamingThem() throws Exception {
        TypeDesc running = account("balance", "frozen");
        Artifact v1 = new Artifact("Bank.account", TypeDesc.UNIT, running, running, Value.pair(Value.of(1), Value.FALSE),
                Code.of(get()), List.of(), List.of());
        TypeDesc expected = account("bal", "frozen");
        Artifact v2 = new Artifact("Bank2.account", TypeDesc.UNIT, expected, expected, Value.pair(Value.of(0), Value.FALSE),
                Code.of(get()), List.of(new UpgradeSection(Identities.of(v1), v1.name(), TypeDesc.UNIT, expected, expected,
                Code.of(), Optional.empty(), Optional.empty())), List.of());
        try (Node node = Node.start(v1, NodeOptions.defaults())) {
            CompletionException e = assertThrows(CompletionException.class, () -> node.upgrade(v2).join());
            Refusal r = assertInstanceOf(Refusal.class, e.getCause());
            assertEquals("The upgrade expects the running machine's output type to be Account = Account { bal : Int, frozen : Bool }"
                    + " but it is Account = Account { balance : Int, frozen : Bool }. Aborting upgrade.", r.getMessage());
        }
    }
}
