package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.ir.Term;
import hotsm.compiler.ir.TermVisitor;
import hotsm.compiler.syntax.Cmd;
import hotsm.compiler.syntax.CmdVisitor;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.DeclVisitor;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.ExprVisitor;
import hotsm.compiler.syntax.Pattern;
import hotsm.compiler.syntax.PatternVisitor;
import hotsm.compiler.syntax.Position;
import hotsm.compiler.syntax.StmtVisitor;
import hotsm.compiler.syntax.TypeExpr;
import hotsm.compiler.syntax.TypeExprVisitor;
import hotsm.compiler.types.ArrowRefVisitor;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypeVisitor;
import hotsm.compiler.types.Typed;
import hotsm.compiler.types.TypedCmdVisitor;
import hotsm.compiler.types.TypedExprVisitor;
import hotsm.compiler.types.TypedPatternVisitor;
import hotsm.compiler.types.TypedStmtVisitor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each tree's visitor has exactly one abstract {@code visitX(X)} per permitted
 * case of its sealed interface, so a case added without its visit method
 * fails here (and then every pass fails to compile until it handles it).
 */
class VisitorsCoverTheTreesTest {
    private record Pair(Class<?> tree, Class<?> visitor) {}

    private static final Pair[] PAIRS = {
        new Pair(Expr.class, ExprVisitor.class),
        new Pair(Pattern.class, PatternVisitor.class),
        new Pair(Cmd.class, CmdVisitor.class),
        new Pair(Cmd.Stmt.class, StmtVisitor.class),
        new Pair(Decl.class, DeclVisitor.class),
        new Pair(TypeExpr.class, TypeExprVisitor.class),
        new Pair(Typed.Expr.class, TypedExprVisitor.class),
        new Pair(Typed.Pattern.class, TypedPatternVisitor.class),
        new Pair(Typed.Cmd.class, TypedCmdVisitor.class),
        new Pair(Typed.Stmt.class, TypedStmtVisitor.class),
        new Pair(Typed.ArrowRef.class, ArrowRefVisitor.class),
        new Pair(Type.class, TypeVisitor.class),
        new Pair(Term.class, TermVisitor.class),
    };

    @TestFactory
    Stream<DynamicTest> everyPermittedCaseHasItsVisitMethod() {
        return Arrays.stream(PAIRS).map(p -> DynamicTest.dynamicTest(p.visitor().getSimpleName(), () -> {
            assertTrue(p.tree().isSealed(), p.tree() + " is sealed");
            Set<String> cases = Arrays.stream(p.tree().getPermittedSubclasses()).map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> visited = new TreeSet<>();
            for (Method m : p.visitor().getDeclaredMethods()) {
                if (!Modifier.isAbstract(m.getModifiers())) continue;
                assertEquals(1, m.getParameterCount(), m.toString());
                Class<?> param = m.getParameterTypes()[0];
                assertEquals("visit" + param.getSimpleName(), m.getName(), "method named after its case: " + m);
                visited.add(param.getName());
            }
            assertEquals(cases, visited, p.visitor().getSimpleName() + " covers the cases of " + p.tree().getName());
        }));
    }

    /** The default {@code visit} sends each case to its own method. */
    @TestFactory
    Stream<DynamicTest> visitDispatchesEveryCaseToItsMethod() {
        return Arrays.stream(PAIRS).map(p -> DynamicTest.dynamicTest(p.visitor().getSimpleName(), () -> {
            Object visitor = Proxy.newProxyInstance(p.visitor().getClassLoader(), new Class<?>[] {p.visitor()},
                    (proxy, m, args) -> m.isDefault() ? InvocationHandler.invokeDefault(proxy, m, args) : m.getName());
            Method visit = p.visitor().getMethod("visit", p.tree());
            for (Class<?> c : p.tree().getPermittedSubclasses()) {
                assertEquals("visit" + c.getSimpleName(), visit.invoke(visitor, sample(c)), c.getName());
            }
        }));
    }

    /** An instance of the record {@code c} with placeholder components. */
    private static Object sample(Class<?> c) throws ReflectiveOperationException {
        RecordComponent[] rc = c.getRecordComponents();
        Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) args[i] = placeholder(types[i]);
        return c.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object placeholder(Class<?> t) {
        if (t == int.class) return 0;
        if (t == long.class) return 0L;
        if (t == boolean.class) return false;
        if (t == String.class) return "x";
        if (t == List.class) return List.of();
        if (t == Map.class) return Map.of();
        if (t == Optional.class) return Optional.empty();
        if (t.isEnum()) return t.getEnumConstants()[0];
        if (t == Position.class) return new Position("f", 1, 1);
        return null;
    }
}
