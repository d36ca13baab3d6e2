package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleInfo;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The type declarations of one module, bound by the {@code Binder}: expands
 * aliases (refusing cycles), builds each {@link DataType} and its
 * constructors' types, and refuses recursive data types (LANGUAGE.md §4).
 */
final class DataChecker implements TypeResolver.AliasExpander {
    private final ProgramEnv env;
    private final ModuleInfo info;
    private final ModuleScope scope;
    private final LinkedHashSet<String> expanding = new LinkedHashSet<>();

    DataChecker(ProgramEnv env, ModuleScope scope) {
        this.env = env;
        this.scope = scope;
        this.info = scope.own();
    }

    void check(List<Decl> decls) {
        for (Decl d : decls) {
            if (d instanceof Decl.TypeAlias a && info.get(Namespace.TYPE, a.name()).orElse(null) instanceof Entity.Alias e
                    && e.decl() == a) {
                expand(e, a.pos());
            }
        }
        List<Decl.Data> datas = new ArrayList<>();
        for (Decl d : decls) {
            if (d instanceof Decl.Data data && info.get(Namespace.TYPE, data.name()).orElse(null) instanceof Entity.DataName e
                    && e.decl() == data) {
                build(data);
                datas.add(data);
            }
        }
        new RecursionCheck(datas).run();
    }

    private Map<String, Type.Var> params(List<String> names, Position pos, List<Type.Var> out) {
        Map<String, Type.Var> map = new LinkedHashMap<>();
        for (String p : names) {
            Type.Var v = env.unifier.fresh(p);
            if (map.put(p, v) != null) env.error(pos, "the type parameter '" + p + "' is declared twice");
            out.add(v);
        }
        return map;
    }

    @Override
    public Scheme expand(Entity.Alias alias, Position use) {
        String q = alias.qualifiedName();
        Scheme done = env.aliases.get(q);
        if (done != null) return done;
        if (!alias.module().equals(info.name())) return Scheme.mono(Unifier.ERROR);
        if (expanding.contains(q)) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String s : expanding) {
                on |= s.equals(q);
                if (on) cycle.add(TypePrinter.bare(s));
            }
            cycle.add(alias.name());
            env.error(use, "the type alias '" + alias.name() + "' refers to itself (" + String.join(" -> ", cycle)
                    + "): aliases are expanded, so they cannot be recursive");
            return Scheme.mono(Unifier.ERROR);
        }
        expanding.add(q);
        List<Type.Var> ps = new ArrayList<>();
        Map<String, Type.Var> vars = params(alias.decl().params(), alias.decl().pos(), ps);
        Type body = new TypeResolver(env, scope, TypeResolver.Mode.DECLARATION, vars, this).resolve(alias.decl().type());
        expanding.remove(q);
        if (TypeSize.of(body, TypeSize.MAX) > TypeSize.MAX) {
            env.error(alias.decl().pos(), "the type alias '" + alias.name() + "' expands to a type of more than "
                    + TypeSize.MAX + " parts (aliases are expanded where they are used); use a data type instead");
            body = Unifier.ERROR;
        }
        Scheme s = new Scheme(ps, body);
        env.aliases.put(q, s);
        return s;
    }

    /**
     * The most constructors a data type may have: its values are erased to a
     * right-nested sum, one level per constructor, and the VM refuses types
     * nested deeper than 1,000 levels (docs/bytecode.md).
     */
    static final int MAX_CONSTRUCTORS = 500;

    private void build(Decl.Data data) {
        if (data.constructors().size() > MAX_CONSTRUCTORS) {
            env.error(data.pos(), "the data type '" + data.name() + "' has " + data.constructors().size()
                    + " constructors; a data type may have at most " + MAX_CONSTRUCTORS
                    + " (group them into nested data types)");
        }
        List<Type.Var> ps = new ArrayList<>();
        Map<String, Type.Var> vars = params(data.params(), data.pos(), ps);
        TypeResolver resolver = new TypeResolver(env, scope, TypeResolver.Mode.DECLARATION, vars, this);
        List<DataType.Constructor> cons = new ArrayList<>();
        for (Decl.ConDecl c : data.constructors()) {
            List<Type> fields = new ArrayList<>();
            for (var f : c.fields()) {
                Type t = resolver.resolve(f);
                if (TypeResolver.mentionsFunction(t)) {
                    env.error(f.pos(), "the constructor '" + c.name() + "' cannot hold a function: "
                            + TypeResolver.FUNCTIONS_ARE_NOT_VALUES);
                    t = Unifier.ERROR;
                }
                fields.add(t);
            }
            cons.add(new DataType.Constructor(c.name(), fields, c.fieldNames()));
        }
        DataType dt = new DataType(info.name() + "." + data.name(), data.name(), ps, cons);
        env.dataTypes.put(dt.qualifiedName(), dt);
    }

    /** Depth-first search over "a field of D mentions E" among this module's data types. */
    private final class RecursionCheck {
        private final Map<String, Decl.Data> decls = new HashMap<>();
        private final Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        private final List<String> stack = new ArrayList<>();

        RecursionCheck(List<Decl.Data> datas) {
            for (Decl.Data d : datas) decls.put(info.name() + "." + d.name(), d);
        }

        void run() {
            for (String q : decls.keySet().stream().sorted((a, b) -> compare(decls.get(a).pos(), decls.get(b).pos())).toList()) {
                visit(q);
            }
        }

        private void visit(String q) {
            if (state.containsKey(q)) return;
            state.put(q, 1);
            stack.add(q);
            DataType dt = env.dataTypes.get(q);
            Decl.Data decl = decls.get(q);
            for (int i = 0; i < dt.constructors().size(); i++) {
                List<Type> fields = dt.constructors().get(i).fields();
                for (int j = 0; j < fields.size(); j++) {
                    for (String target : mentioned(fields.get(j))) {
                        if (!decls.containsKey(target)) continue;
                        if (Integer.valueOf(1).equals(state.get(target))) {
                            List<String> cycle = new ArrayList<>();
                            for (String s : stack.subList(stack.indexOf(target), stack.size())) cycle.add(TypePrinter.bare(s));
                            cycle.add(TypePrinter.bare(target));
                            String how = cycle.size() == 2 ? "'" + cycle.get(0) + "' refers to itself"
                                    : "'" + cycle.get(0) + "' refers to itself through " + String.join(" -> ", cycle);
                            env.error(decl.constructors().get(i).fields().get(j).pos(),
                                    "recursive data types are not allowed: every step must terminate (" + how + ")");
                        } else {
                            visit(target);
                        }
                    }
                }
            }
            stack.remove(stack.size() - 1);
            state.put(q, 2);
        }

        private List<String> mentioned(Type t) {
            List<String> out = new ArrayList<>();
            collect(t, out);
            return out;
        }

        private void collect(Type t, List<String> out) {
            if (t instanceof Type.Con c) {
                out.add(c.name());
                c.args().forEach(a -> collect(a, out));
            } else if (t instanceof Type.Tuple tu) {
                tu.components().forEach(a -> collect(a, out));
            } else if (t instanceof Type.Fun f) {
                collect(f.from(), out);
                collect(f.to(), out);
            }
        }
    }

    static int compare(Position a, Position b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    }
}
