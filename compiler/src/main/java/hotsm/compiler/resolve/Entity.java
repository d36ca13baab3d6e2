package hotsm.compiler.resolve;

import hotsm.compiler.syntax.Decl;
import hotsm.compiler.types.DataType;
import hotsm.vm.bytecode.PrimOp;

/** Something a top-level name of a module denotes. */
public sealed interface Entity {
    /** The module that declares it. */
    String module();

    /** Its bare name. */
    String name();

    default String qualifiedName() { return module() + "." + name(); }

    /** A top-level function, constant ({@link Decl.Function}) or arrow ({@link Decl.Arrow}). */
    record Value(String module, String name, Decl decl) implements Entity {}

    /**
     * A function the VM implements, declared in a standard module as
     * {@code name = primitive} (the {@link PrimOp} of that symbol) or
     * {@code name = primitive "OP"}; or, with {@code op} null, one the compiler
     * builds itself ({@code special}: {@code "fold"} is the IR's Fold,
     * {@code "show"} is specialised per type).
     */
    record Primitive(String module, String name, PrimOp op, String special, Decl.Function decl) implements Entity {
        public Primitive(String module, String name, PrimOp op, Decl.Function decl) { this(module, name, op, null, decl); }
    }

    /** Constructor {@code index} of {@code dataType}. */
    record Constructor(String module, String name, DataType dataType, int index) implements Entity {}

    /** A data type, by name and number of parameters (its {@link DataType} is built after all names are known). */
    record DataName(String module, String name, int arity, Decl.Data decl) implements Entity {}

    /** A type alias; expanded wherever it is used. */
    record Alias(String module, String name, Decl.TypeAlias decl) implements Entity {}

    /** A machine. */
    record Machine(String module, String name, Decl.Machine decl) implements Entity {}
}
