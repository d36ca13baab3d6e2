package hotsm.compiler.codegen;

import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.SharedBlock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared blocks of one artifact (LANGUAGE.md §13): each pure
 * {@link Term.Definition} the artifact's code calls compiles once, to the
 * block {@code CALL k} names. A definition's callees are compiled before it,
 * so they get lower indexes, as the VM requires. A definition that touches
 * the state (an arrow of a machine's where block) is not shareable (blocks
 * are pure): its body is compiled in place at each call.
 */
public final class BlockTable {
    private final List<SharedBlock> blocks = new ArrayList<>();
    private final Map<Term.Definition, Integer> indexes = new IdentityHashMap<>();
    private final Map<Term.Definition, Boolean> pure = new IdentityHashMap<>();

    /** The block index of {@code d}, compiling it (and its callees) on first use. */
    int index(Term.Definition d) {
        Integer known = indexes.get(d);
        if (known != null) return known;
        var code = CamCompiler.compile(d.body(), this);
        int k = blocks.size();
        blocks.add(new SharedBlock(d.name(), d.from(), d.to(), code));
        indexes.put(d, k);
        return k;
    }

    /** Whether {@code d} can be a shared block: neither it nor what it calls uses get or put. */
    boolean isPure(Term.Definition d) {
        Boolean known = pure.get(d);
        if (known != null) return known;
        boolean p = pureTerm(d.body());
        pure.put(d, p);
        return p;
    }

    private boolean pureTerm(Term t) {
        java.util.ArrayDeque<Term> work = new java.util.ArrayDeque<>();
        work.push(t);
        while (!work.isEmpty()) {
            Term x = work.pop();
            if (x instanceof Term.Get || x instanceof Term.Put) return false;
            if (x instanceof Term.Compose c) { work.push(c.f()); work.push(c.g()); }
            else if (x instanceof Term.Fork c) { work.push(c.f()); work.push(c.g()); }
            else if (x instanceof Term.Par c) { work.push(c.f()); work.push(c.g()); }
            else if (x instanceof Term.Case c) { work.push(c.f()); work.push(c.g()); }
            else if (x instanceof Term.Fold f) work.push(f.f());
            else if (x instanceof Term.Call c && !isPure(c.definition())) return false;
        }
        return true;
    }

    /** The blocks in index order. */
    public List<SharedBlock> blocks() { return List.copyOf(blocks); }
}
