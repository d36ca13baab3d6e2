package hotsm.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.ParseResult;
import hotsm.compiler.syntax.Parser;
import hotsm.compiler.syntax.QualName;
import hotsm.vm.bytecode.PrimOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The binding pass on its own, without the checker: what it binds, and the
 * binding errors the error corpus cannot reach (a standard module's
 * primitives, modules the loader already refuses).
 */
class BinderTest {
    private final Map<String, ModuleInfo> bound = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private Optional<Binder.Bound> bind(String file, String source) {
        ParseResult p = Parser.parseModule(file, source);
        assertEquals(List.of(), p.diagnostics());
        return bind(p.module());
    }

    private Optional<Binder.Bound> bind(Module m) {
        return Binder.bind(m, bound, (pos, length, message) ->
                errors.add(pos.line() + ":" + pos.column() + "+" + length + " " + message));
    }

    private static List<String> names(ModuleInfo info, Namespace ns) { return List.copyOf(info.table(ns).keySet()); }

    @Test
    void everyTopLevelNameIsBoundBeforeAnythingIsChecked() {
        ModuleInfo info = bind("Shop.sm", """
                module Shop
                data Item = Item { sku : String, qty : Int } | Gift
                type Stock = Map String Item
                count : Item -> Int
                count i = nothingChecksThis + "yet"
                machine shop : Item -> Int
                  state Int = 0
                  proc i -> returnA -< count i
                """).orElseThrow().info();
        assertEquals(List.of(), errors);
        assertEquals(List.of("Item", "Stock"), names(info, Namespace.TYPE));
        assertEquals(List.of("Item", "Gift"), names(info, Namespace.CONSTRUCTOR));
        assertEquals(List.of("count"), names(info, Namespace.VALUE));
        assertEquals(List.of("shop"), names(info, Namespace.MACHINE));
        Entity.Constructor gift = assertInstanceOf(Entity.Constructor.class, info.get(Namespace.CONSTRUCTOR, "Gift").get());
        assertEquals(1, gift.index());
        assertEquals("Shop.Item", gift.dataTypeName());
        assertInstanceOf(Entity.Alias.class, info.get(Namespace.TYPE, "Stock").get());
    }

    @Test
    void importsAreBoundToTheModulesBoundBeforeAndSignaturesToTheirNames() {
        bind("Base.sm", "module Base\ndata Colour = Red | Green\n");
        Binder.Bound user = bind("User.sm", "module User\nimport Base as B\nf : Int -> Int\nf x = x\n").orElseThrow();
        assertEquals(List.of(), errors);
        assertEquals("f", user.signatures().get("f").name());
        assertInstanceOf(ModuleScope.Found.class, user.scope().lookup(Namespace.CONSTRUCTOR,
                new QualName(Optional.of("B"), "Red", user.module().pos())));
    }

    @Test
    void aModuleNotBoundBeforeOrBoundTwiceIsReportedAtItsImportOrHeader() {
        bind("A.sm", "module A\nimport Missing\nx = 1\n").orElseThrow();
        assertEquals(List.of("2:1+1 module 'Missing' was not loaded"), errors);
        assertTrue(bind("A2.sm", "module A\ny = 2\n").isEmpty());
        assertEquals("1:1+1 the module 'A' is defined twice", errors.get(1));
        assertEquals(List.of("x"), names(bound.get("A"), Namespace.VALUE));   // the first one stays
    }

    @Test
    void aStandardModuleBindsPrimitivesAndRefusesOnesTheVmDoesNotProvide() {
        ModuleInfo info = bind("List.sm", """
                module List
                length = primitive "LIST_LENGTH"
                foldl = primitive "fold"
                future = primitive "SOME_LATER_OP"
                notOne = primitive
                """).orElseThrow().info();
        assertEquals(List.of(), errors);
        Entity.Primitive length = assertInstanceOf(Entity.Primitive.class, info.get(Namespace.VALUE, "length").get());
        assertEquals(PrimOp.LIST_LENGTH, length.op());
        assertEquals("fold", ((Entity.Primitive) info.get(Namespace.VALUE, "foldl").get()).special());
        assertEquals(Binder.MISSING + "SOME_LATER_OP", ((Entity.Primitive) info.get(Namespace.VALUE, "future").get()).special());
        assertInstanceOf(Entity.Value.class, info.get(Namespace.VALUE, "notOne").get());   // a plain value there
        ModuleInfo prelude = bind("Prelude.sm", "module Prelude\nshowInt = primitive\nsqrt = primitive\n").orElseThrow().info();
        assertEquals(List.of("3:1+1 'sqrt' is not a primitive the VM provides"), errors);
        assertEquals(PrimOp.SHOW_INT, ((Entity.Primitive) prelude.get(Namespace.VALUE, "showInt").get()).op());
        assertInstanceOf(Entity.Value.class, prelude.get(Namespace.VALUE, "sqrt").get());   // still bound, as a value
    }

    @Test
    void ofTwoDefinitionsTheFirstIsBound() {
        ModuleInfo info = bind("Twice.sm", "module Twice\nf x = 1\ng = 2\nf y = 3\n").orElseThrow().info();
        assertEquals(List.of("4:1+1 'f' is already defined at line 2"), errors);
        Entity.Value f = assertInstanceOf(Entity.Value.class, info.get(Namespace.VALUE, "f").get());
        assertEquals(2, f.decl().pos().line());
    }
}
