package hotsm.vm.testing;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;

/** Short names for writing CAM code and types by hand in tests. */
public final class Asm {
    private Asm() {}

    public static Instruction fst() { return new Instruction.Fst(); }
    public static Instruction snd() { return new Instruction.Snd(); }
    public static Instruction push() { return new Instruction.Push(); }
    public static Instruction swap() { return new Instruction.Swap(); }
    public static Instruction cons() { return new Instruction.Cons(); }
    public static Instruction quote(Shape s, Value v) { return new Instruction.Quote(s, v); }
    public static Instruction inl(Shape right) { return new Instruction.Inl(right); }
    public static Instruction inr(Shape left) { return new Instruction.Inr(left); }
    public static Instruction caseOf(Code left, Code right) { return new Instruction.Case(left, right); }
    public static Instruction dist() { return new Instruction.Dist(); }
    public static Instruction prim(PrimOp op) { return new Instruction.Prim(op); }
    public static Instruction get() { return new Instruction.Get(); }
    public static Instruction put() { return new Instruction.Put(); }
    public static Instruction fold(Code body) { return new Instruction.Fold(body); }
    public static Instruction call(int block) { return new Instruction.Call(block); }
    public static Instruction error(Shape result) { return new Instruction.Error(result); }

    public static Code block(Instruction... is) { return Code.of(is); }

    public static TypeDesc.Constructor ctor(String name, TypeDesc... fields) {
        return new TypeDesc.Constructor(name, List.of(fields));
    }

    public static TypeDesc data(String name, TypeDesc.Constructor... ctors) {
        return new TypeDesc.Data(name, List.of(), List.of(ctors));
    }
}
