package hotsm.repl;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.syntax.Parser;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypeChecker;
import hotsm.compiler.types.TypePrinter;
import hotsm.compiler.types.Typed;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure expressions typed at the prompt, checked in the scope of the loaded
 * file (or, with none, of an empty module that sees the Prelude) and the
 * prompt's definitions ({@link Definitions}), desugared to IR and run on the
 * reference interpreter within a node's fuel ({@link EvaluationBudget}):
 * {@code 1 + 2} prints {@code 3 : Int}.
 */
final class Expressions {
    private Expressions() {}

    /** The name diagnostics about typed input carry. */
    static final String INPUT = "<repl>";

    /** An evaluated expression: {@code value : Type} as printed, and the value alone in source syntax. */
    record Result(String printed, String value, TypeDesc type, Value raw) {}

    /** Evaluates {@code text} within {@code fuel}. */
    static Result evaluate(String text, Definitions.Scope scope, long fuel) throws ReplError {
        Compiler.Evaluation e = check(text, scope, new EvaluationBudget(fuel));
        if (e.runtimeError() != null) throw ReplError.atRunTime(e.runtimeError());
        if (PrintedSize.of(e.value()) > PrintedSize.LIMIT) {
            throw ReplError.atRunTime("the value has more than " + PrintedSize.LIMIT + " parts once printed;"
                    + " the REPL does not print it: look at a part of it, or its size");
        }
        String value = Values.print(e.type(), e.value());
        return new Result(value + " : " + TypePrinter.print(e.expr().type()), value, e.type(), e.value());
    }

    /**
     * {@code text : Type}. A function is not a value, but {@code :type fst}
     * shows its type as ghci would ({@code fst : (a, b) -> a}); so do a
     * constructor ({@code Just : a -> Maybe a}) and a machine.
     */
    static String typeOf(String text, Definitions.Scope scope) throws ReplError {
        Compilation c = scope.compilation();
        try {
            Type type = check(text, scope, IrInterpreter.Budget.UNLIMITED).expr().type();
            Type general = TypeChecker.generalTypeOf(c.check(), scope.moduleName(),
                    Parser.parseExpression(INPUT, text).expr()).orElse(type);
            return text + " : " + TypePrinter.print(general);
        } catch (ReplError e) {
            String name = text.strip();
            Optional<Type> function = functionType(name, c, scope.moduleName());
            if (function.isPresent()) return name + " : " + TypePrinter.print(function.get());
            Optional<String> named = Names.typeOf(name, c, scope.moduleName());
            if (named.isPresent()) return named.get();
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

    private static Compiler.Evaluation check(String text, Definitions.Scope scope, IrInterpreter.Budget budget)
            throws ReplError {
        Compiler.Evaluation e = Compiler.evaluate(scope.compilation(), scope.moduleName(), INPUT, text, budget);
        if (!e.diagnostics().isEmpty()) {
            Diagnostic d = e.diagnostics().get(0);
            throw d.line() == 1 ? ReplError.at(text, d.column() - 1, d.message()) : ReplError.of(d.message());
        }
        return e;
    }
}
