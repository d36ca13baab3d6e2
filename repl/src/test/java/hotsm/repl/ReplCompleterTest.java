package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Completion candidates, asked for through JLine's own API as the line reader would. */
class ReplCompleterTest {
    private final ReplSession session = new ReplSession(new PrintWriter(new StringWriter()), Sessions.root());
    private final ReplCompleter completer = new ReplCompleter(session);

    private List<String> complete(String line) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test void commandsCompleteAtTheStartOfALine() {
        assertEquals(List.of(":load"), complete(":lo"));
        assertEquals(List.of(":disconnect", ":downgrade"), complete(":d"));
        assertEquals(Commands.ALL.size(), complete(":").size());
    }

    @Test void filesCompleteAfterLoadAndUpgrade() {
        assertEquals(List.of("samples/"), complete(":load sam"));
        List<String> counters = complete(":load samples/counter/Counter");
        assertEquals(List.of("samples/counter/Counter1.sm", "samples/counter/Counter2.sm", "samples/counter/Counter3.sm"), counters);
        assertEquals(counters, complete(":upgrade samples/counter/Coun"));
        assertTrue(complete(":load samples/counter/").stream().noneMatch(f -> f.endsWith(".repl")));
    }

    @Test void constructorsOfTheInputTypeComplete() {
        assertEquals(List.of(), complete("In"));
        session.handle(":load samples/counter/Counter1.sm");
        assertEquals(List.of("Incr"), complete("In"));
        assertEquals(List.of("Incr", "Count"), complete(""));
        assertEquals(List.of("Count"), complete(":type Co"));
    }

    @Test void namesInScopeCompleteOnceTheScopeIsCompiled() {
        session.handle(":load samples/counter/Counter1.sm");
        session.handle("let doubled n = double n");   // compiles the scope: the file's names and the prompt's
        assertEquals(List.of("double", "doubled"), complete("doub"));
        assertTrue(complete(":info Tot").contains("Total"), complete(":info Tot").toString());
    }

    @Test void machinesCompleteAfterMachineIrAndBytecode() {
        session.handle(":load samples/counter/Counter1.sm");
        assertEquals(List.of("Counter1.counter"), complete(":ir Counter1."));
        assertEquals(List.of("counter"), complete(":machine co"));
    }

    @Test void constructorNamesReachIntoFieldsAndTuples() {
        var maybe = new hotsm.vm.types.TypeDesc.Data("Maybe", List.of(hotsm.vm.types.TypeDesc.BOOL), List.of(
                new hotsm.vm.types.TypeDesc.Constructor("Nothing", List.of()),
                new hotsm.vm.types.TypeDesc.Constructor("Just", List.of(hotsm.vm.types.TypeDesc.BOOL))));
        var tuple = new hotsm.vm.types.TypeDesc.Tuple(List.of(hotsm.vm.types.TypeDesc.INT, maybe));
        assertEquals(List.of("Nothing", "Just", "False", "True"), ReplCompleter.constructorNames(tuple));
    }
}
