package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;

/**
 * The CAM instruction set (Cousineau, Curien and Mauny's Categorical Abstract
 * Machine, first order, with sums, lists, maps and a state register). The
 * machine has a value register {@code v}, a stack {@code s} of values and a
 * state register {@code st}. Control is structured: {@link Case} carries its
 * two branches and {@link Fold} its body, {@link Call} names a shared block
 * of lower index, there are no jumps, so a block's type can be checked in one
 * pass and every run terminates. Each case gives its transition; the full
 * table (bytes, typing) is {@link Opcode}.
 */
public sealed interface Instruction {

    /** This instruction's row in the table. */
    Opcode opcode();

    /** Its operands in the order of its row's {@link Opcode#operands()} (a CALL's index as an {@code Integer}). */
    default java.util.List<Object> operands() { return java.util.List.of(); }

    /** {@code FST: v = (a, b) -> v = a}. */
    record Fst() implements Instruction {
        @Override public Opcode opcode() { return Opcode.FST; }
    }

    /** {@code SND: v = (a, b) -> v = b}. */
    record Snd() implements Instruction {
        @Override public Opcode opcode() { return Opcode.SND; }
    }

    /** {@code PUSH: s -> v : s} (v unchanged). */
    record Push() implements Instruction {
        @Override public Opcode opcode() { return Opcode.PUSH; }
    }

    /** {@code SWAP: v, x : s -> x, v : s}. */
    record Swap() implements Instruction {
        @Override public Opcode opcode() { return Opcode.SWAP; }
    }

    /** {@code CONS: v, x : s -> (x, v), s}. */
    record Cons() implements Instruction {
        @Override public Opcode opcode() { return Opcode.CONS; }
    }

    /** {@code QUOTE c: v -> c} where {@code c : shape}. */
    record Quote(Shape shape, Value value) implements Instruction {
        @Override public Opcode opcode() { return Opcode.QUOTE; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(shape, value); }
    }

    /** {@code INL: v -> Inl v}; {@code right} is the other side of the sum. */
    record Inl(Shape right) implements Instruction {
        @Override public Opcode opcode() { return Opcode.INL; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(right); }
    }

    /** {@code INR: v -> Inr v}; {@code left} is the other side of the sum. */
    record Inr(Shape left) implements Instruction {
        @Override public Opcode opcode() { return Opcode.INR; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(left); }
    }

    /** {@code CASE l r: Inl a -> run l on a; Inr b -> run r on b}. Both blocks end with the same type. */
    record Case(Code left, Code right) implements Instruction {
        @Override public Opcode opcode() { return Opcode.CASE; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(left, right); }
    }

    /** {@code DIST: (e, Inl a) -> Inl (e, a); (e, Inr b) -> Inr (e, b)}. */
    record Dist() implements Instruction {
        @Override public Opcode opcode() { return Opcode.DIST; }
    }

    /** {@code PRIM op: v -> op(v)} (see {@link PrimOp}). */
    record Prim(PrimOp op) implements Instruction {
        @Override public Opcode opcode() { return Opcode.PRIM; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(op); }
    }

    /** {@code GET: v, st -> st, st}. */
    record Get() implements Instruction {
        @Override public Opcode opcode() { return Opcode.GET; }
    }

    /** {@code PUT: v, st -> (), v}. */
    record Put() implements Instruction {
        @Override public Opcode opcode() { return Opcode.PUT; }
    }

    /**
     * {@code FOLD f: (e, (acc, [x1..xn])) -> f (e, (... f (e, (acc, x1)) ..., xn))}: a left fold
     * (LANGUAGE.md §13's {@code Fold f}), {@code body : (E, (B, A)) -> B}.
     */
    record Fold(Code body) implements Instruction {
        @Override public Opcode opcode() { return Opcode.FOLD; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(body); }
    }

    /** {@code CALL k: v -> block k (v)}: runs shared block {@code k} of the artifact on the value register. */
    record Call(int block) implements Instruction {
        public Call {
            if (block < 0 || block > 0xFFFF) throw new IllegalArgumentException("shared block index out of range: " + block);
        }
        @Override public Opcode opcode() { return Opcode.CALL; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(block); }
    }

    /** {@code ERROR T: msg -> fail with msg}; typed {@code String -> result} (LANGUAGE.md §15). */
    record Error(Shape result) implements Instruction {
        @Override public Opcode opcode() { return Opcode.ERROR; }
        @Override public java.util.List<Object> operands() { return java.util.List.of(result); }
    }
}
