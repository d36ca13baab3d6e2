package hotsm.compiler.ir;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;

/**
 * A morphism of the free Cartesian distributive category (LANGUAGE.md §8):
 * the desugarer's output and the code generator's input. There is no
 * {@code Arr}: every term is first order and built from this fixed set, which
 * is what makes a machine plain data. Terms are typed by {@link IrTyping}
 * from their domain (the only annotations are the other side of an injection
 * and a constant's shape, which cannot be inferred forwards).
 */
public sealed interface Term {

    /** {@code Id : A -> A}. */
    record Id() implements Term {}

    /** {@code Compose g f : A -> C} for {@code f : A -> B}, {@code g : B -> C}: first f, then g. */
    record Compose(Term g, Term f) implements Term {}

    /** {@code Fst : (A, B) -> A}. */
    record Fst() implements Term {}

    /** {@code Snd : (A, B) -> B}. */
    record Snd() implements Term {}

    /** {@code Fork f g : A -> (B, C)} (&&&). */
    record Fork(Term f, Term g) implements Term {}

    /** {@code Par f g : (A, C) -> (B, D)} (***). */
    record Par(Term f, Term g) implements Term {}

    /** {@code Drop : A -> ()}. */
    record Drop() implements Term {}

    /** {@code Inl : A -> A + B}; {@code right} is B. */
    record Inl(Shape right) implements Term {}

    /** {@code Inr : B -> A + B}; {@code left} is A. */
    record Inr(Shape left) implements Term {}

    /** {@code Case f g : A + B -> C} (|||) for {@code f : A -> C}, {@code g : B -> C}. */
    record Case(Term f, Term g) implements Term {}

    /** {@code Dist : (E, A + B) -> (E, A) + (E, B)}. */
    record Dist() implements Term {}

    /** {@code Const v : () -> T}; {@code shape} is T. */
    record Const(Shape shape, Value value) implements Term {}

    /** {@code Prim op}: see {@link PrimOp} for each operation's type. */
    record Prim(PrimOp op) implements Term {}

    /** {@code Get : () -> S}. */
    record Get() implements Term {}

    /** {@code Put : S -> ()}. */
    record Put() implements Term {}

    /**
     * {@code Fold f : (E, (B, List A)) -> B} for {@code f : (E, (B, A)) -> B}:
     * the left fold of the list from B, each step seeing the environment E
     * (LANGUAGE.md §13). The only iteration in the IR; each element costs fuel.
     */
    record Fold(Term f) implements Term {}

    /**
     * {@code Call d : A -> B} for the shared definition {@code d : A -> B}: a
     * function used in several places is one definition that every use
     * calls, so code grows linearly with the source (definitions form an
     * acyclic graph: a definition's body only calls definitions made before it).
     */
    record Call(Definition definition) implements Term {}

    /** {@code Fail : String -> T}: fails the step with the message ({@code error}); {@code result} is T. */
    record Fail(Shape result) implements Term {}

    /**
     * A named, shared definition {@code from -> to} (see {@link Call}). Its
     * body may use {@code Get}/{@code Put} when it is an arrow of a machine's
     * {@code where} block.
     */
    record Definition(String name, Shape from, Shape to, Term body) {
        /** By name and type: one definition per name and instantiation, and comparing bodies would be exponential on a DAG. */
        @Override public boolean equals(Object o) {
            return o instanceof Definition d && d.name.equals(name) && d.from.equals(from) && d.to.equals(to);
        }

        @Override public int hashCode() { return java.util.Objects.hash(name, from, to); }
    }

    Term ID = new Id();
    Term FST = new Fst();
    Term SND = new Snd();
    Term DROP = new Drop();
    Term DIST = new Dist();
    Term GET = new Get();
    Term PUT = new Put();

    /** {@code this} then {@code next}: {@code Compose next this}. */
    default Term then(Term next) { return new Compose(next, this); }
}
