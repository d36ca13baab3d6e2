package hotsm.repl;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.syntax.Parser;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypeChecker;
import hotsm.compiler.types.TypePrinter;
import hotsm.compiler.types.Typed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure expressions typed at the prompt, checked in the scope of the loaded
 * file (or, with none, of an empty module that sees the Prelude), desugared
 * to IR and run on the reference interpreter: {@code 1 + 2} prints
 * {@code 3 : Int}.
 */
final class Expressions {
    private Expressions() {}

    /** The name diagnostics about typed input carry. */
    static final String INPUT = "<repl>";

    private static Compilation preludeScope;

    /** {@code value : Type}. */
    static String evaluate(String text, LoadedProgram scope) throws ReplError {
        Compiler.Evaluation e = check(text, scope);
        if (e.runtimeError() != null) throw ReplError.atRunTime(e.runtimeError());
        return Values.print(e.type(), e.value()) + " : " + TypePrinter.print(e.expr().type());
    }

    /**
     * {@code text : Type}. A function is not a value, but {@code :type fst}
     * shows its type as ghci would ({@code fst : (a, b) -> a}).
     */
    static String typeOf(String text, LoadedProgram scope) throws ReplError {
        try {
            Type type = check(text, scope).expr().type();
            Compilation c = scope != null ? scope.compilation() : preludeScope();
            Type general = TypeChecker.generalTypeOf(c.check(), scope != null ? scope.moduleName() : "Repl",
                    Parser.parseExpression(INPUT, text).expr()).orElse(type);
            return text + " : " + TypePrinter.print(general);
        } catch (ReplError e) {
            String name = text.strip();
            Compilation c = scope != null ? scope.compilation() : preludeScope();
            Optional<Type> function = functionType(name, c, scope != null ? scope.moduleName() : "Repl");
            if (function.isPresent()) return name + " : " + TypePrinter.print(function.get());
            throw e;
        }
    }

    /** The type of the top-level function {@code name} (bare or {@code Module.name}) as the scope sees it. */
    private static Optional<Type> functionType(String name, Compilation c, String module) {
        if (!name.matches("([A-Z][A-Za-z0-9_']*\\.)?[a-z_][A-Za-z0-9_']*")) return Optional.empty();
        Map<String, Typed.Function> functions = c.program().map(Typed.Program::functions).orElse(Map.of());
        String bare = name.substring(name.indexOf('.') + 1);
        List<String> candidates = name.contains(".") ? List.of(name)
                : List.of(module + "." + name, "Prelude." + name);
        for (String q : candidates) {
            if (functions.containsKey(q)) return Optional.of(functions.get(q).type());
        }
        Optional<Type> seen = TypeChecker.typeOfName(c.check(), module, name);   // primitives, qualified standard modules
        if (seen.isPresent()) return seen;
        if (name.contains(".") && !name.startsWith("Prelude.")) return Optional.empty();
        return switch (bare) {   // the Prelude's primitives have no Typed.Function
            case "showInt" -> Optional.of(new Type.Fun(Type.INT, Type.STRING));
            case "length" -> Optional.of(new Type.Fun(Type.STRING, Type.INT));
            default -> Optional.empty();
        };
    }

    private static Compiler.Evaluation check(String text, LoadedProgram scope) throws ReplError {
        Compiler.Evaluation e = scope != null
                ? Compiler.evaluate(scope.compilation(), scope.moduleName(), INPUT, text)
                : Compiler.evaluate(preludeScope(), "Repl", INPUT, text);
        if (!e.diagnostics().isEmpty()) {
            Diagnostic d = e.diagnostics().get(0);
            throw d.line() == 1 ? ReplError.at(text, d.column() - 1, d.message()) : ReplError.of(d.message());
        }
        return e;
    }

    /** A module with nothing in it but the implicit {@code import Prelude}, compiled once. */
    private static synchronized Compilation preludeScope() throws ReplError {
        if (preludeScope == null) {
            try {
                Path dir = Files.createTempDirectory("hotsm-repl");
                Path file = Files.writeString(dir.resolve("Repl.sm"), "module Repl\n");
                preludeScope = new Compiler(List.of()).compile(List.of(file));
                Files.delete(file);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!preludeScope.ok()) {
                Compilation broken = preludeScope;
                preludeScope = null;
                throw ReplError.of("the Prelude does not load: " + broken.diagnostics().get(0).header());
            }
        }
        return preludeScope;
    }
}
