package hotsm.compiler.ir;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random well-typed IR terms, built type-directed: {@link #term} is asked for a
 * term {@code from -> to} (with state shape {@code state}) and picks, among
 * the IR constructions that can produce that type, one at random, asking
 * recursively for its parts. Every term it returns is well typed by
 * construction. Depth bounds the recursion; at depth 0 a term is an identity,
 * a projection or a constant. Shared by the back-end properties (CAM against
 * the reference interpreter) and anyone else who needs random programs.
 */
public final class RandomTerms {

    /** A term with its type and a random argument and state to run it on. */
    public record Sample(Shape domain, Shape codomain, Shape stateShape, Term term, Value argument, Value state) {
        @Override public String toString() {
            return "term : " + domain + " -> " + codomain + " (state " + stateShape + ")\n" + IrPrinter.print(term)
                    + "\n  argument " + argument + "\n  state " + state;
        }
    }

    private final Random random;
    private final Shape state;

    public RandomTerms(Random random, Shape state) {
        this.random = random;
        this.state = state;
    }

    /** Samples with terms of depth up to {@code maxDepth} over random shapes. */
    public static Arbitrary<Sample> samples(int maxDepth) {
        return Arbitraries.randomValue(random -> {
            Shape stateShape = shape(random, 2);
            RandomTerms terms = new RandomTerms(random, stateShape);
            Shape domain = shape(random, 3);
            Shape codomain = shape(random, 3);
            Term term = terms.term(domain, codomain, 1 + random.nextInt(maxDepth));
            return new Sample(domain, codomain, stateShape, term, value(random, domain), value(random, stateShape));
        });
    }

    /** A random shape, at most {@code depth} constructors deep. */
    public static Shape shape(Random random, int depth) {
        int pick = random.nextInt(depth <= 0 ? 4 : 9);
        return switch (pick) {
            case 0 -> Shape.UNIT;
            case 1 -> Shape.INT;
            case 2 -> Shape.STR;
            case 3 -> Shape.BOOL;
            case 4, 5 -> new Shape.Pair(shape(random, depth - 1), shape(random, depth - 1));
            case 6 -> new Shape.ListOf(shape(random, depth - 1));
            case 7 -> new Shape.MapOf(shape(random, depth - 1), shape(random, depth - 1));
            default -> new Shape.Sum(shape(random, depth - 1), shape(random, depth - 1));
        };
    }

    /** A random value of {@code shape}; small integers (0 included) and a few extreme ones. */
    public static Value value(Random random, Shape shape) {
        if (shape instanceof Shape.Unit) return Value.UNIT;
        if (shape instanceof Shape.Int) {
            int pick = random.nextInt(10);
            if (pick == 0) return Value.of(Long.MIN_VALUE);
            if (pick == 1) return Value.of(Long.MAX_VALUE);
            if (pick == 2) return Value.of(random.nextLong());
            return Value.of(random.nextInt(11) - 5);
        }
        if (shape instanceof Shape.Str) {
            String alphabet = "ab\"\\\n é€";
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(4); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            return Value.of(s.toString());
        }
        if (shape instanceof Shape.Pair p) return Value.pair(value(random, p.first()), value(random, p.second()));
        if (shape instanceof Shape.ListOf l) {
            List<Value> elements = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) elements.add(value(random, l.element()));
            return Value.ListOf.of(elements);
        }
        if (shape instanceof Shape.MapOf m) {
            List<Value> entries = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) entries.add(Value.pair(value(random, m.key()), value(random, m.value())));
            return Value.MapOf.of(entries, hotsm.vm.value.Meter.FREE);
        }
        Shape.Sum sum = (Shape.Sum) shape;
        return random.nextBoolean() ? new Value.Inl(value(random, sum.left())) : new Value.Inr(value(random, sum.right()));
    }

    /** A random well-typed term {@code from -> to}. */
    public Term term(Shape from, Shape to, int depth) {
        List<Supplier<Term>> options = new ArrayList<>();
        if (from.equals(to)) options.add(() -> Term.ID);
        if (from instanceof Shape.Pair p && p.first().equals(to)) options.add(() -> Term.FST);
        if (from instanceof Shape.Pair p && p.second().equals(to)) options.add(() -> Term.SND);
        if (to instanceof Shape.Unit) options.add(() -> Term.DROP);
        if (depth <= 0 || options.isEmpty() || random.nextInt(4) == 0) {
            options.add(() -> Term.DROP.then(new Term.Const(to, value(random, to))));
        }
        if (depth > 0) addConstructions(options, from, to, depth - 1);
        return options.get(random.nextInt(options.size())).get();
    }

    private void addConstructions(List<Supplier<Term>> options, Shape from, Shape to, int d) {
        options.add(() -> {
            Shape middle = middle(from, to);
            return term(from, middle, d).then(term(middle, to, d));
        });
        if (to instanceof Shape.Pair p) options.add(() -> new Term.Fork(term(from, p.first(), d), term(from, p.second(), d)));
        if (from instanceof Shape.Pair a && to instanceof Shape.Pair b) {
            options.add(() -> new Term.Par(term(a.first(), b.first(), d), term(a.second(), b.second(), d)));
        }
        if (from instanceof Shape.Pair p) {
            options.add(() -> Term.FST.then(term(p.first(), to, d)));
            options.add(() -> Term.SND.then(term(p.second(), to, d)));
        }
        if (to instanceof Shape.Sum s) {
            options.add(() -> term(from, s.left(), d).then(new Term.Inl(s.right())));
            options.add(() -> term(from, s.right(), d).then(new Term.Inr(s.left())));
        }
        if (from instanceof Shape.Sum s) options.add(() -> new Term.Case(term(s.left(), to, d), term(s.right(), to, d)));
        if (from instanceof Shape.Pair p && p.second() instanceof Shape.Sum s) {
            options.add(() -> Term.DIST.then(new Term.Case(
                    term(new Shape.Pair(p.first(), s.left()), to, d),
                    term(new Shape.Pair(p.first(), s.right()), to, d))));
        }
        addPrimitives(options, from, to, d);
        addCollections(options, from, to, d);
        options.add(() -> Term.DROP.then(Term.GET).then(term(state, to, d)));
        if (to instanceof Shape.Unit) options.add(() -> term(from, state, d).then(Term.PUT));
    }

    private static final Shape INTS = new Shape.Pair(Shape.INT, Shape.INT);
    private static final Shape STRS = new Shape.Pair(Shape.STR, Shape.STR);
    private static final PrimOp[] ARITHMETIC = {PrimOp.ADD, PrimOp.SUB, PrimOp.MUL, PrimOp.DIV, PrimOp.MOD};
    private static final PrimOp[] COMPARISONS = {PrimOp.EQ, PrimOp.NE, PrimOp.LT, PrimOp.LE, PrimOp.GT, PrimOp.GE};

    private void addPrimitives(List<Supplier<Term>> options, Shape from, Shape to, int d) {
        if (to.equals(Shape.INT)) {
            options.add(() -> term(from, INTS, d).then(prim(ARITHMETIC[random.nextInt(ARITHMETIC.length)])));
            options.add(() -> term(from, Shape.INT, d).then(prim(PrimOp.NEG)));
            options.add(() -> term(from, Shape.STR, d).then(prim(PrimOp.LENGTH)));
        }
        if (to.equals(Shape.BOOL)) {
            options.add(() -> {
                Shape operand = comparable(random.nextInt(6));
                return term(from, new Shape.Pair(operand, operand), d).then(prim(COMPARISONS[random.nextInt(COMPARISONS.length)]));
            });
        }
        if (to.equals(Shape.STR)) {
            options.add(() -> term(from, STRS, d).then(prim(PrimOp.CONCAT)));
            options.add(() -> term(from, Shape.INT, d).then(prim(PrimOp.SHOW_INT)));
        }
    }

    private int definitions;

    /** Language v2: folds, shared definitions, error, and the list and map primitives. */
    private void addCollections(List<Supplier<Term>> options, Shape from, Shape to, int d) {
        options.add(() -> {
            Shape element = shape(random, 1);
            Term step = term(new Shape.Pair(from, new Shape.Pair(to, element)), to, d);
            return new Term.Fork(Term.ID, new Term.Fork(term(from, to, d), term(from, new Shape.ListOf(element), d)))
                    .then(new Term.Fold(step));
        });
        options.add(() -> new Term.Call(new Term.Definition("d" + definitions++, from, to, term(from, to, d))));
        if (random.nextInt(8) == 0) options.add(() -> term(from, Shape.STR, d).then(new Term.Fail(to)));
        if (to instanceof Shape.ListOf l) {
            options.add(() -> term(from, new Shape.Pair(l.element(), to), d).then(prim(PrimOp.LIST_CONS)));
            options.add(() -> term(from, new Shape.Pair(to, to), d).then(prim(PrimOp.LIST_APPEND)));
            options.add(() -> term(from, to, d).then(prim(PrimOp.LIST_SORT)));
        }
        if (to instanceof Shape.Sum s && s.left() instanceof Shape.Unit && s.right() instanceof Shape.Pair p
                && p.second() instanceof Shape.ListOf l && l.element().equals(p.first())) {
            options.add(() -> term(from, l, d).then(prim(PrimOp.LIST_UNCONS)));
        }
        if (to.equals(Shape.INT)) {
            options.add(() -> term(from, new Shape.ListOf(shape(random, 1)), d).then(prim(PrimOp.LIST_LENGTH)));
            options.add(() -> term(from, new Shape.MapOf(shape(random, 1), shape(random, 1)), d).then(prim(PrimOp.MAP_SIZE)));
        }
        if (to instanceof Shape.MapOf m) {
            options.add(() -> term(from, new Shape.Pair(m.key(), new Shape.Pair(m.value(), to)), d).then(prim(PrimOp.MAP_INSERT)));
            options.add(() -> term(from, new Shape.Pair(m.key(), to), d).then(prim(PrimOp.MAP_DELETE)));
            options.add(() -> term(from, new Shape.ListOf(new Shape.Pair(m.key(), m.value())), d).then(prim(PrimOp.MAP_FROM_LIST)));
        }
        if (to instanceof Shape.ListOf l && l.element() instanceof Shape.Pair p) {
            options.add(() -> term(from, new Shape.MapOf(p.first(), p.second()), d).then(prim(PrimOp.MAP_TO_LIST)));
        }
        if (to instanceof Shape.Sum s && s.left() instanceof Shape.Unit) {
            options.add(() -> {
                Shape key = shape(random, 1);
                return term(from, new Shape.Pair(key, new Shape.MapOf(key, s.right())), d).then(prim(PrimOp.MAP_LOOKUP));
            });
        }
    }

    /** The operand shapes comparisons are tried on: the source language's, and a structured one. */
    private Shape comparable(int pick) {
        return switch (pick) {
            case 0 -> Shape.UNIT;
            case 1, 2 -> Shape.INT;
            case 3 -> Shape.STR;
            case 4 -> Shape.BOOL;
            default -> shape(random, 2);
        };
    }

    /** An intermediate shape for a composition: often one related to its ends, so projections line up. */
    private Shape middle(Shape from, Shape to) {
        return switch (random.nextInt(5)) {
            case 0 -> new Shape.Pair(from, shape(random, 1));
            case 1 -> new Shape.Pair(shape(random, 1), new Shape.Sum(shape(random, 1), shape(random, 1)));
            case 2 -> to instanceof Shape.Pair || to instanceof Shape.Sum ? to : shape(random, 2);
            default -> shape(random, 2);
        };
    }

    private static Term prim(PrimOp op) { return new Term.Prim(op); }
}
