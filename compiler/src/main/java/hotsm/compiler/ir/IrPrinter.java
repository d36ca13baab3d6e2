package hotsm.compiler.ir;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.ValuePrinter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints IR terms in the notation of Haskell's {@code Control.Arrow}, with its
 * fixities: {@code >>>} (infixr 1, first the left stage, then the right),
 * {@code |||} (infixr 2), {@code &&&} and {@code ***} (infixr 3; mixed, they
 * are parenthesised). Compose chains are flattened into pipelines. Atoms:
 * {@code id fst snd drop dist get put}, {@code inl[_ + B]}, {@code inr[A + _]}
 * (the annotated other side of the sum), {@code const(v : T)} (the value as
 * {@link hotsm.vm.value.ValuePrinter#printErased(hotsm.vm.value.Value)} writes it), and the
 * primitives as {@code (+)}, {@code negate}, {@code showInt}, {@code length};
 * {@code fold(f)}, {@code call name} (a shared definition, printed apart by
 * {@link #definitions}) and {@code error[T]}.
 * A term that does not fit in {@link #WIDTH} columns is laid out vertically,
 * one operand per line with the operator in front:
 * <pre>
 *     fst &&& snd
 * >>> dist
 * >>> (    (drop >>> const(0 : Int))
 *      ||| snd)
 * </pre>
 */
public final class IrPrinter {
    /** The width a line of a vertical layout aims at. */
    public static final int WIDTH = 100;

    private IrPrinter() {}

    /** The term, laid out vertically where it does not fit on one line; no trailing newline. */
    public static String print(Term term) {
        return String.join("\n", layout(term, WIDTH));
    }

    /**
     * The shared definitions {@code term} calls, directly or not, each once,
     * callees first: {@code name : A -> B = term}, for listings.
     */
    public static List<Term.Definition> definitions(Term term) {
        List<Term.Definition> out = new ArrayList<>();
        collect(term, out, new java.util.HashSet<>());
        return out;
    }

    private static void collect(Term t, List<Term.Definition> out, java.util.Set<String> seen) {
        java.util.ArrayDeque<Term> work = new java.util.ArrayDeque<>();
        work.push(t);
        while (!work.isEmpty()) {
            Term x = work.pop();
            if (x instanceof Term.Compose c) { work.push(c.g()); work.push(c.f()); }
            else if (x instanceof Term.Fork c) { work.push(c.g()); work.push(c.f()); }
            else if (x instanceof Term.Par c) { work.push(c.g()); work.push(c.f()); }
            else if (x instanceof Term.Case c) { work.push(c.g()); work.push(c.f()); }
            else if (x instanceof Term.Fold f) work.push(f.f());
            else if (x instanceof Term.Call c && seen.add(c.definition().name())) {
                collect(c.definition().body(), out, seen);
                out.add(c.definition());
            }
        }
    }

    /** The term on one line. */
    public static String printFlat(Term term) {
        return flat(term);
    }

    /** The term on one line, cut to at most {@code max} characters (for error messages). */
    public static String abbreviate(Term term, int max) {
        String s = flat(term);
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** An operator chain: the flattened operands of one infix operator. */
    private record Chain(String op, int precedence, List<Term> operands) {}

    /** The chain {@code t} heads, or null for an atom. */
    private static Chain chain(Term t) {
        if (t instanceof Term.Compose) {
            List<Term> stages = new ArrayList<>();
            stages(t, stages);
            return new Chain(">>>", 1, stages);
        }
        if (t instanceof Term.Case c) return rightNested("|||", 2, c.f(), c.g(), Term.Case.class);
        if (t instanceof Term.Fork c) return rightNested("&&&", 3, c.f(), c.g(), Term.Fork.class);
        if (t instanceof Term.Par c) return rightNested("***", 3, c.f(), c.g(), Term.Par.class);
        return null;
    }

    private static void stages(Term t, List<Term> out) {
        if (t instanceof Term.Compose c) {
            stages(c.f(), out);
            stages(c.g(), out);
        } else {
            out.add(t);
        }
    }

    private static Chain rightNested(String op, int precedence, Term first, Term rest, Class<? extends Term> kind) {
        List<Term> operands = new ArrayList<>();
        operands.add(first);
        while (kind.isInstance(rest)) {
            if (rest instanceof Term.Case c) { operands.add(c.f()); rest = c.g(); }
            else if (rest instanceof Term.Fork c) { operands.add(c.f()); rest = c.g(); }
            else { Term.Par c = (Term.Par) rest; operands.add(c.f()); rest = c.g(); }
        }
        operands.add(rest);
        return new Chain(op, precedence, operands);
    }

    private static boolean needsParens(Term operand, Chain parent) {
        Chain c = chain(operand);
        return c != null && c.precedence() <= parent.precedence();
    }

    private static String flat(Term t) {
        return flat(t, new IdentityHashMap<>());
    }

    /** The one-line form, memoised per node: the vertical layout asks for it at every level. */
    private static String flat(Term t, Map<Term, String> memo) {
        String done = memo.get(t);
        if (done != null) return done;
        Chain c = chain(t);
        String s;
        if (c == null) {
            s = atom(t);
        } else {
            List<String> parts = new ArrayList<>();
            for (Term operand : c.operands()) {
                String p = flat(operand, memo);
                parts.add(needsParens(operand, c) ? "(" + p + ")" : p);
            }
            s = String.join(" " + c.op() + " ", parts);
        }
        memo.put(t, s);
        return s;
    }

    private static List<String> layout(Term t, int width) {
        return layout(t, width, new IdentityHashMap<>());
    }

    private static List<String> layout(Term t, int width, Map<Term, String> memo) {
        String one = flat(t, memo);
        Chain c = chain(t);
        if (t instanceof Term.Fold f && one.length() > width) {
            // a long fold body goes under its head, indented
            List<String> lines = new ArrayList<>();
            lines.add("fold(");
            for (String line : layout(f.f(), width - 4, memo)) lines.add("    " + line);
            lines.add(")");
            return lines;
        }
        if (c == null || one.length() <= width) return List.of(one);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < c.operands().size(); k++) {
            Term operand = c.operands().get(k);
            // a nested chain spread over several lines is parenthesised so the eye can find its end
            boolean parens = needsParens(operand, c)
                    || chain(operand) != null && flat(operand, memo).length() > width - 4;
            List<String> sub = layout(operand, width - 4 - (parens ? 1 : 0), memo);
            for (int j = 0; j < sub.size(); j++) {
                String line = parens ? (j == 0 ? "(" : " ") + sub.get(j) : sub.get(j);
                if (parens && j == sub.size() - 1) line += ")";
                lines.add((j == 0 && k > 0 ? c.op() + " " : "    ") + line);
            }
        }
        return lines;
    }

    private static String atom(Term t) {
        return new TermVisitor<String>() {
            @Override public String visitId(Term.Id x) { return "id"; }
            @Override public String visitCompose(Term.Compose x) { return flat(x); }
            @Override public String visitFst(Term.Fst x) { return "fst"; }
            @Override public String visitSnd(Term.Snd x) { return "snd"; }
            @Override public String visitFork(Term.Fork x) { return flat(x); }
            @Override public String visitPar(Term.Par x) { return flat(x); }
            @Override public String visitDrop(Term.Drop x) { return "drop"; }
            @Override public String visitInl(Term.Inl x) { return "inl[_ + " + x.right() + "]"; }
            @Override public String visitInr(Term.Inr x) {
                String left = x.left() instanceof Shape.Sum ? "(" + x.left() + ")" : x.left().toString();
                return "inr[" + left + " + _]";
            }
            @Override public String visitCase(Term.Case x) { return flat(x); }
            @Override public String visitDist(Term.Dist x) { return "dist"; }
            @Override public String visitConst(Term.Const x) { return "const(" + ValuePrinter.printErased(x.value()) + " : " + x.shape() + ")"; }
            @Override public String visitPrim(Term.Prim x) { return prim(x.op()); }
            @Override public String visitGet(Term.Get x) { return "get"; }
            @Override public String visitPut(Term.Put x) { return "put"; }
            @Override public String visitFold(Term.Fold x) { return "fold(" + flat(x.f()) + ")"; }
            @Override public String visitCall(Term.Call x) { return "call " + x.definition().name(); }
            @Override public String visitFail(Term.Fail x) { return "error[" + x.result() + "]"; }
        }.visit(t);
    }

    /** {@code (+)} for operators, the name for named primitives. */
    public static String prim(PrimOp op) {
        return Character.isLetter(op.symbol().charAt(0)) ? op.symbol() : "(" + op.symbol() + ")";
    }
}
