package hotsm.compiler.resolve;

import hotsm.compiler.syntax.Decl;
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

    /**
     * Constructor {@code index} of the data type {@code data} (declared in
     * the same module); the checker's {@code DataType} for it is found under
     * {@link #dataTypeName()}.
     */
    record Constructor(String module, String name, Decl.Data data, int index) implements Entity {
        /** The qualified name of its data type, {@code Module.Type}. */
        public String dataTypeName() { return module + "." + data.name(); }
    }

    /** A data type, by name and number of parameters (its checked form is built after all names are known). */
    record DataName(String module, String name, int arity, Decl.Data decl) implements Entity {}

    /** A type alias; expanded wherever it is used. */
    record Alias(String module, String name, Decl.TypeAlias decl) implements Entity {}

    /** A machine. */
    record Machine(String module, String name, Decl.Machine decl) implements Entity {}
}
