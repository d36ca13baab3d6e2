package hotsm.vm.verify;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.value.Values;
import java.util.List;

/**
 * One-pass abstract interpretation of a block over shapes: the value
 * register's shape and a persistent stack of shapes flow through each
 * instruction; CASE checks both branches from the same start and requires
 * them to end alike. The rules are the typing column of docs/bytecode.md.
 */
final class BlockChecker {
    /** An immutable stack of shapes; branches share their common tail. */
    record Stack(Ty top, Stack rest, int size) {
        static final Stack EMPTY = new Stack(null, null, 0);

        Stack push(Ty t) { return new Stack(t, this, size + 1); }

        boolean sameAs(Stack other) {
            Stack a = this;
            Stack b = other;
            if (a.size != b.size) return false;
            while (a != b) {
                if (a.top != b.top) return false;
                a = a.rest;
                b = b.rest;
            }
            return true;
        }
    }

    /** The declared shapes of the shared blocks CALL may name. */
    record Blocks(Ty[] inputs, Ty[] outputs) {
        static final Blocks NONE = new Blocks(new Ty[0], new Ty[0]);
    }

    private final ShapeTable shapes;
    private final String section;
    /** The state register's shape, or {@code null} in pure code (no GET/PUT). */
    private final Ty state;
    private final Blocks blocks;
    /** CALL may name blocks below this index (all of them, or those below the block being checked). */
    private final int callLimit;
    private Stack stack = Stack.EMPTY;

    BlockChecker(ShapeTable shapes, String section, Ty state, Blocks blocks, int callLimit) {
        this.shapes = shapes;
        this.section = section;
        this.state = state;
        this.blocks = blocks;
        this.callLimit = callLimit;
    }

    /** The shape of the value register after running {@code code} on {@code input}, leaving the stack empty. */
    Ty run(Code code, Ty input, String root) {
        return block(code, input, root);
    }

    private Ty block(Code code, Ty v, String path) {
        Stack start = stack;
        List<Instruction> is = code.instructions();
        for (int pc = 0; pc < is.size(); pc++) {
            v = instruction(is.get(pc), v, path + "[" + pc + "]");
        }
        if (!stack.sameAs(start)) {
            throw fail(path + "[end]", "stack balance: a block must end with the stack it started with ("
                    + start.size + " value(s)), found " + stack.size);
        }
        return v;
    }

    private Ty instruction(Instruction i, Ty v, String at) {
        Opcode op = Opcode.of(i);
        switch (op) {
            case FST: // (a, b) -> a
                return needPair(v, at, "FST").left;
            case SND: // (a, b) -> b
                return needPair(v, at, "SND").right;
            case PUSH: // v, s -> v, v : s
                stack = stack.push(v);
                return v;
            case SWAP: { // v, x : s -> x, v : s
                Ty x = pop(at, "SWAP");
                stack = stack.push(v);
                return x;
            }
            case CONS: { // v, x : s -> (x, v), s
                Ty x = pop(at, "CONS");
                return deep(() -> shapes.pair(x, v), at);
            }
            case QUOTE: { // v -> c
                Instruction.Quote q = (Instruction.Quote) i;
                Ty t = intern(q.shape(), at);
                if (!Values.conforms(q.value(), q.shape())) {
                    throw fail(at, "QUOTE: the quoted value " + abbreviate(hotsm.vm.value.ValuePrinter.printErased(q.value()))
                            + " does not have its declared shape " + t);
                }
                return t;
            }
            case INL: { // a -> a + right
                Ty right = intern(((Instruction.Inl) i).right(), at);
                return deep(() -> shapes.sum(v, right), at);
            }
            case INR: { // b -> left + b
                Ty left = intern(((Instruction.Inr) i).left(), at);
                return deep(() -> shapes.sum(left, v), at);
            }
            case CASE:
                return branch((Instruction.Case) i, v, at);
            case DIST: { // (e, a + b) -> (e, a) + (e, b)
                Ty p = needPair(v, at, "DIST");
                if (!p.right.isSum()) throw fail(at, "DIST needs a pair whose second component is a sum, found " + v);
                Ty e = p.left;
                return deep(() -> shapes.sum(shapes.pair(e, p.right.left), shapes.pair(e, p.right.right)), at);
            }
            case PRIM:
                return prim(((Instruction.Prim) i).op(), v, at);
            case GET: // v, st -> st, st
                if (state == null) throw fail(at, "purity: GET is not allowed in pure code (migrations and adapters)");
                return state;
            case PUT: // v, st -> (), v
                if (state == null) throw fail(at, "purity: PUT is not allowed in pure code (migrations and adapters)");
                if (v != state) throw fail(at, "PUT needs a value of the state's shape " + state + ", found " + v);
                return shapes.unit;
            case FOLD: { // (e, (acc, [x..])) -> body on (e, (acc, x)) for each x; body : (E, (B, A)) -> B
                Ty p = needPair(v, at, "FOLD");
                if (!p.right.isPair() || p.right.right.tag != Ty.LIST) {
                    throw fail(at, "FOLD needs (environment, (accumulator, list)) in the value register, found " + v);
                }
                Ty acc = p.right.left;
                Ty element = p.right.right.left;
                Ty bodyInput = deep(() -> shapes.pair(p.left, shapes.pair(acc, element)), at);
                Ty result = block(((Instruction.Fold) i).body(), bodyInput, at + ".fold");
                if (result != acc) {
                    throw fail(at, "FOLD's body must end with the accumulator's shape " + acc + ", found " + result);
                }
                return acc;
            }
            case CALL: { // v -> block k (v); In_k -> Out_k
                int k = ((Instruction.Call) i).block();
                if (k >= callLimit) {
                    throw fail(at, callLimit == blocks.inputs().length
                            ? "CALL " + k + ": there are only " + callLimit + " shared blocks"
                            : "CALL " + k + ": a shared block may only call blocks of lower index (this is block " + callLimit + ")");
                }
                if (v != blocks.inputs()[k]) {
                    throw fail(at, "CALL " + k + " needs the block's input shape " + blocks.inputs()[k] + ", found " + v);
                }
                return blocks.outputs()[k];
            }
            case ERROR: { // String -> T
                if (v != shapes.string) throw fail(at, "ERROR needs the message, a String, found " + v);
                return intern(((Instruction.Error) i).result(), at);
            }
            default:
                throw fail(at, "unknown instruction " + op);
        }
    }

    private Ty branch(Instruction.Case c, Ty v, String at) {
        if (!v.isSum()) throw fail(at, "CASE needs a sum in the value register, found " + v);
        Stack start = stack;
        Ty left = block(c.left(), v.left, at + ".case.left");
        stack = start;
        Ty right = block(c.right(), v.right, at + ".case.right");
        if (left != right) {
            throw fail(at, "CASE branches must end with the same shape: left ends with " + left + ", right with " + right);
        }
        return left;
    }

    /** The primitive's typing rule from its row of {@link PrimOp}. */
    private Ty prim(PrimOp op, Ty v, String at) {
        try {
            return op.typeOf(shapes, v);
        } catch (hotsm.vm.bytecode.PrimSignature.Mismatch e) {
            throw fail(at, "PRIM " + op + " " + e.getMessage() + ", found " + v);
        } catch (ShapeTable.TooDeep e) {
            throw fail(at, "shape nesting: a shape deeper than " + Verifier.MAX_SHAPE_DEPTH + " levels");
        }
    }

    private Ty needPair(Ty v, String at, String op) {
        if (!v.isPair()) throw fail(at, op + " needs a pair in the value register, found " + v);
        return v;
    }

    private Ty pop(String at, String op) {
        if (stack.size == 0) throw fail(at, "stack balance: " + op + " needs a value on the stack, but it is empty");
        Ty x = stack.top;
        stack = stack.rest;
        return x;
    }

    private Ty intern(hotsm.vm.types.Shape s, String at) {
        return deep(() -> shapes.intern(s), at);
    }

    private Ty deep(java.util.function.Supplier<Ty> make, String at) {
        try {
            return make.get();
        } catch (ShapeTable.TooDeep e) {
            throw fail(at, "shape nesting: a shape deeper than " + Verifier.MAX_SHAPE_DEPTH + " levels");
        }
    }

    private static String abbreviate(String s) {
        return Verifier.printable(s);
    }

    private VerifyException fail(String at, String rule) {
        return new VerifyException(section, at, rule);
    }
}
