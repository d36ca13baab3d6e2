package hotsm.compiler.types;

import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.syntax.Position;
import java.util.List;

/**
 * The type checker's output: the program with every name resolved and every
 * node carrying its type. This is what the desugarer reads. Types may contain
 * the type variables of the enclosing polymorphic function; a use of such a
 * function records how it was instantiated ({@code typeArgs}, in the order of
 * {@link TFunction#typeParams()}).
 */
public final class Typed {
    private Typed() {}

    /** An expression and its type. */
    public sealed interface Expr {
        Type type();
        Position pos();
    }

    public record IntLit(long value, Type type, Position pos) implements Expr {}

    public record StrLit(String value, Type type, Position pos) implements Expr {}

    public record UnitLit(Type type, Position pos) implements Expr {}

    /** A variable bound by a pattern; {@code name} is unique within its function, machine or migration. */
    public record Local(String name, Type type, Position pos) implements Expr {}

    /** A top-level constant ({@code c = e}), instantiated. */
    public record Constant(String function, List<Type> typeArgs, Type type, Position pos) implements Expr {}

    /** A call of a pure function (top-level or a machine's local pure function) with its one argument. */
    public record Call(String function, List<Type> typeArgs, Expr argument, Type type, Position pos) implements Expr {}

    /**
     * A primitive function applied to its argument: {@code showInt}, {@code length}
     * and any other primitive the Prelude binds (see {@link hotsm.vm.bytecode.PrimOp}).
     */
    public record PrimCall(hotsm.vm.bytecode.PrimOp op, Expr argument, Type type, Position pos) implements Expr {}

    /** Constructor {@code index} of {@code dataType} (qualified name) applied to all its fields. */
    public record Construct(String dataType, int index, List<Expr> args, Type type, Position pos) implements Expr {
        public Construct { args = List.copyOf(args); }
    }

    public record Tuple(List<Expr> components, Type type, Position pos) implements Expr {
        public Tuple { components = List.copyOf(components); }
    }

    /**
     * A binary operator; {@code operandType} is the type of both operands
     * (comparisons and equality work on several types). {@code &&} and
     * {@code ||} short-circuit.
     */
    public record Binary(BinaryOp op, Expr left, Expr right, Type operandType, Type type, Position pos) implements Expr {}

    public record Negate(Expr operand, Type type, Position pos) implements Expr {}

    public record If(Expr condition, Expr then, Expr otherwise, Type type, Position pos) implements Expr {}

    public record Let(Pattern pattern, Expr value, Expr body, Type type, Position pos) implements Expr {}

    /** Checked exhaustive and free of unreachable alternatives. */
    public record Case(Expr scrutinee, List<Alt> alternatives, Type type, Position pos) implements Expr {
        public Case { alternatives = List.copyOf(alternatives); }
    }

    public record Alt(Pattern pattern, Expr body) {}

    /** {@code [e1, ..., en]}. */
    public record ListLit(List<Expr> elements, Type type, Position pos) implements Expr {
        public ListLit { elements = List.copyOf(elements); }
    }

    /** {@code head :: tail}. */
    public record Cons(Expr head, Expr tail, Type type, Position pos) implements Expr {}

    /** {@code \p -> body}: only as an argument of a call (LANGUAGE.md §13). */
    public record Lambda(Pattern parameter, Expr body, Type type, Position pos) implements Expr {}

    /** A named function passed as an argument, instantiated at {@code typeArgs}. */
    public record FunctionRef(String function, List<Type> typeArgs, Type type, Position pos) implements Expr {
        public FunctionRef { typeArgs = List.copyOf(typeArgs); }
    }

    /** A primitive passed as an argument ({@code op}, or {@code special} when the compiler builds it). */
    public record PrimRef(hotsm.vm.bytecode.PrimOp op, String special, Type type, Position pos) implements Expr {}

    /** {@code f x} where {@code f} is a function-typed parameter of the enclosing function. */
    public record LocalCall(String function, Expr argument, Type type, Position pos) implements Expr {}

    /** {@code List.foldl (f, initial, list)}: the IR's Fold; {@code function} is a Lambda, FunctionRef, PrimRef or Local. */
    public record Fold(Expr function, Expr initial, Expr list, Type type, Position pos) implements Expr {}

    /** {@code error message}: fails the step, migration or adapter with the message (LANGUAGE.md §15). */
    public record Fail(Expr message, Type type, Position pos) implements Expr {}

    /** {@code show e}: the value in value syntax, specialised to the argument's type by the desugarer. */
    public record Show(Expr argument, Type type, Position pos) implements Expr {}

    /** {@code e.f}: field {@code ref} of a single-constructor record. */
    public record Field(Expr record, FieldRef ref, Type type, Position pos) implements Expr {}

    /** {@code e { f = v, ... }}: the record with the fields {@code refs} replaced by {@code values}. */
    public record Update(Expr record, List<FieldRef> refs, List<Expr> values, Type type, Position pos) implements Expr {
        public Update {
            refs = List.copyOf(refs);
            values = List.copyOf(values);
        }
    }

    /**
     * A field named in an access or an update, resolved once the enclosing
     * declaration's types are known (LANGUAGE.md §14): then {@code dataType}
     * and {@code index} are set, once. The only mutable part of this tree.
     */
    public static final class FieldRef {
        private final String name;
        private String dataType;
        private int index = -1;

        public FieldRef(String name) { this.name = name; }

        /** A reference already resolved (for trees built by hand, as in tests). */
        public FieldRef(String name, String dataType, int index) {
            this(name);
            resolve(dataType, index);
        }

        public String name() { return name; }

        /** The qualified data type; null until resolved (never after a successful check). */
        public String dataType() { return dataType; }

        /** The field's position among the constructor's fields. */
        public int index() { return index; }

        void resolve(String dataType, int index) {
            this.dataType = dataType;
            this.index = index;
        }

        @Override public String toString() { return name + (dataType == null ? "" : "@" + dataType + "#" + index); }
    }

    /** A pattern and the type of what it matches. */
    public sealed interface Pattern {
        Type type();
        Position pos();
    }

    public record PWild(Type type, Position pos) implements Pattern {}

    public record PVar(String name, Type type, Position pos) implements Pattern {}

    public record PInt(long value, Type type, Position pos) implements Pattern {}

    public record PStr(String value, Type type, Position pos) implements Pattern {}

    public record PUnit(Type type, Position pos) implements Pattern {}

    public record PTuple(List<Pattern> components, Type type, Position pos) implements Pattern {
        public PTuple { components = List.copyOf(components); }
    }

    /** {@code []}. */
    public record PNil(Type type, Position pos) implements Pattern {}

    /** {@code head :: tail}; {@code [p1, p2]} is {@code p1 :: p2 :: []}. */
    public record PCons(Pattern head, Pattern tail, Type type, Position pos) implements Pattern {}

    /** Constructor {@code index} of {@code dataType} with sub-patterns for all its fields. */
    public record PCon(String dataType, int index, List<Pattern> args, Type type, Position pos) implements Pattern {
        public PCon { args = List.copyOf(args); }
    }

    /** A command and the type of its result. */
    public sealed interface Cmd {
        Type type();
        Position pos();
    }

    /** {@code arrow -< input}. */
    public record Feed(ArrowRef arrow, Expr input, Type type, Position pos) implements Cmd {}

    public record Do(List<Stmt> statements, Cmd last, Type type, Position pos) implements Cmd {
        public Do { statements = List.copyOf(statements); }
    }

    public record CaseCmd(Expr scrutinee, List<CmdAlt> alternatives, Type type, Position pos) implements Cmd {
        public CaseCmd { alternatives = List.copyOf(alternatives); }
    }

    public record IfCmd(Expr condition, Cmd then, Cmd otherwise, Type type, Position pos) implements Cmd {}

    public record CmdAlt(Pattern pattern, Cmd body) {}

    public sealed interface Stmt {}

    public record Bind(Pattern pattern, Cmd cmd) implements Stmt {}

    public record Exec(Cmd cmd) implements Stmt {}

    public record LetStmt(Pattern pattern, Expr value) implements Stmt {}

    /** What {@code f} in {@code f -< e} names. */
    public sealed interface ArrowRef {}

    /** {@code get : () -> S}. */
    public record GetArrow() implements ArrowRef {}

    /** {@code put : S -> ()}. */
    public record PutArrow() implements ArrowRef {}

    /** {@code returnA : a -> a}. */
    public record ReturnA() implements ArrowRef {}

    /** A pure function used as an arrow. */
    public record FunctionArrow(String function, List<Type> typeArgs) implements ArrowRef {}

    /** A primitive function used as an arrow ({@code n <- showInt -< k}). */
    public record PrimArrow(hotsm.vm.bytecode.PrimOp op) implements ArrowRef {}

    /** An arrow of the enclosing machine's {@code where} block (may use get/put). */
    public record LocalArrow(String name) implements ArrowRef {}

    /** {@code proc pattern -> cmd}. */
    public record Proc(Pattern parameter, Cmd body, Type type, Position pos) {}

    /**
     * A checked top-level function or constant ({@code parameter} null for a
     * constant, then {@code type} is the constant's type), generalised over
     * {@code typeParams}. A function defined as {@code f = proc ...} is given
     * with {@code proc} set and {@code parameter}/{@code body} null.
     */
    public record Function(String qualifiedName, List<Type.Var> typeParams, Pattern parameter,
                           Expr body, Proc proc, Type type, Position pos) {
        public Function { typeParams = List.copyOf(typeParams); }
    }

    /**
     * A checked machine. Its types are closed. {@code locals} are the
     * {@code where} block's functions and arrows, monomorphic, keyed by
     * {@code Module.machine.local} ({@code Counter1.counter.bump}), which is
     * also the name {@link LocalArrow} and {@link Call} use for them.
     */
    public record Machine(String module, String name, Type input, Type output, Type state,
                          Expr initialState, Proc step, java.util.Map<String, Function> locals, Position pos) {
        public String qualifiedName() { return module + "." + name; }
    }

    /**
     * A checked {@code upgrade from -> to} or {@code downgrade from -> to}
     * (qualified machine names). {@code state} is null for the identity migration.
     */
    public record Upgrade(hotsm.compiler.syntax.Decl.Direction direction, String from, String to,
                          Proc state, Proc input, Proc output, Position pos) {}

    /**
     * Everything a compilation checked: its data types and functions (of every
     * module loaded, keyed by qualified name), and the machines and upgrades of
     * every module (each knows its module).
     */
    public record Program(java.util.Map<String, DataType> dataTypes,
                          java.util.Map<String, Function> functions,
                          java.util.Map<String, Machine> machines,
                          List<Upgrade> upgrades) {}
}
