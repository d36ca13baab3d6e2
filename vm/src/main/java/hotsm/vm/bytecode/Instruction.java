package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;

/**
 * The CAM instruction set (Cousineau, Curien and Mauny's Categorical Abstract
 * Machine, first order, with sums). The machine has a value register {@code v},
 * a stack {@code s} of values and a state register {@code st}. Control is
 * structured: {@link Case} carries its two branches, there are no jumps, so a
 * block's type can be checked in one pass. Each case gives its transition.
 */
public sealed interface Instruction {

    /** {@code FST: v = (a, b) -> v = a}. */
    record Fst() implements Instruction {}

    /** {@code SND: v = (a, b) -> v = b}. */
    record Snd() implements Instruction {}

    /** {@code PUSH: s -> v : s} (v unchanged). */
    record Push() implements Instruction {}

    /** {@code SWAP: v, x : s -> x, v : s}. */
    record Swap() implements Instruction {}

    /** {@code CONS: v, x : s -> (x, v), s}. */
    record Cons() implements Instruction {}

    /** {@code QUOTE c: v -> c} where {@code c : shape}. */
    record Quote(Shape shape, Value value) implements Instruction {}

    /** {@code INL: v -> Inl v}; {@code right} is the other side of the sum. */
    record Inl(Shape right) implements Instruction {}

    /** {@code INR: v -> Inr v}; {@code left} is the other side of the sum. */
    record Inr(Shape left) implements Instruction {}

    /** {@code CASE l r: Inl a -> run l on a; Inr b -> run r on b}. Both blocks end with the same type. */
    record Case(Code left, Code right) implements Instruction {}

    /** {@code DIST: (e, Inl a) -> Inl (e, a); (e, Inr b) -> Inr (e, b)}. */
    record Dist() implements Instruction {}

    /** {@code PRIM op: v -> op(v)} (see {@link PrimOp}). */
    record Prim(PrimOp op) implements Instruction {}

    /** {@code GET: v, st -> st, st}. */
    record Get() implements Instruction {}

    /** {@code PUT: v, st -> (), v}. */
    record Put() implements Instruction {}
}
