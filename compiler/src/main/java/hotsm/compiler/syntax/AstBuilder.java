package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.SmParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST of a module from a parse tree without syntax errors, and
 * reports what the grammar lets through but the language forbids (a misplaced
 * {@code module} line, a machine without {@code state} or step, a repeated
 * upgrade clause, out-of-range literals, bad escapes, chained comparisons).
 */
public final class AstBuilder {
    private final BuildContext context;
    private final PatternBuilder patterns;
    private final ExprBuilder exprs;
    private final CmdBuilder cmds;
    private final TypeBuilder types;

    public AstBuilder(String file, List<Diagnostic> diagnostics) {
        this.context = new BuildContext(file, diagnostics);
        this.patterns = new PatternBuilder(context);
        this.exprs = new ExprBuilder(context, patterns);
        this.cmds = new CmdBuilder(context, patterns, exprs);
        this.types = new TypeBuilder(context);
    }

    /** The module's name defaults to the file's base name without {@code .sm}. */
    public Module module(SmParser.ModuleContext ctx) { return module(ctx.moduleItem()); }

    /** A module from its items, parsed one by one. */
    public Module module(List<SmParser.ModuleItemContext> items) {
        Items m = items();
        for (SmParser.ModuleItemContext item : items) m.add(item);
        return m.module();
    }

    /** A module built item by item, each as soon as it is parsed (its parse tree is then garbage). */
    public Items items() { return new Items(); }

    /** The module's header, imports and declarations, from the items added so far. */
    public final class Items {
        private String name = defaultModuleName(context.file());
        private Position pos = new Position(context.file(), 1, 1);
        private final List<Module.Import> imports = new ArrayList<>();
        private final List<Decl> decls = new ArrayList<>();
        private boolean first = true;

        private Items() {}

        /** The next item that parsed (items that did not are left out). */
        public void add(SmParser.ModuleItemContext item) {
            if (item instanceof SmParser.ModuleHeaderContext header) {
                if (first) {
                    name = header.UPPER().getText();
                    pos = context.pos(header);
                } else {
                    context.error(header.MODULE().getSymbol(), "the 'module' line must be the first line of the file");
                }
            } else if (item instanceof SmParser.ImportDeclContext imp) {
                Optional<String> alias = imp.AS() == null ? Optional.empty() : Optional.of(imp.UPPER(1).getText());
                imports.add(new Module.Import(imp.UPPER(0).getText(), alias, context.pos(imp)));
            } else {
                Decl decl = topDecl(((SmParser.DeclItemContext) item).topDecl());
                if (decl != null) decls.add(decl);
            }
            first = false;
        }

        public Module module() { return new Module(name, context.file(), imports, decls, pos); }
    }

    /** A REPL expression. */
    public Expr expression(SmParser.ReplExpressionContext ctx) { return exprs.visit(ctx.expr()); }

    static String defaultModuleName(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return base.endsWith(".sm") ? base.substring(0, base.length() - 3) : base;
    }

    private Decl topDecl(SmParser.TopDeclContext ctx) {
        Position pos = context.pos(ctx);
        if (ctx instanceof SmParser.DataDeclContext data) {
            List<Decl.ConDecl> constructors = new ArrayList<>();
            for (SmParser.ConstructorDeclContext c : data.constructorDecl()) {
                List<TypeExpr> fields = new ArrayList<>();
                List<String> names = new ArrayList<>();
                if (c instanceof SmParser.RecordConstructorContext r) {
                    for (SmParser.FieldDeclContext f : r.fieldDecl()) {
                        if (names.contains(f.LOWER().getText())) {
                            context.error(f.LOWER().getSymbol(), "the field '" + f.LOWER().getText() + "' is declared twice in '"
                                    + r.UPPER().getText() + "'");
                        }
                        names.add(f.LOWER().getText());
                        fields.add(types.visit(f.typeExpr()));
                    }
                    constructors.add(new Decl.ConDecl(r.UPPER().getText(), fields, names, context.pos(c)));
                } else {
                    SmParser.PlainConstructorContext p = (SmParser.PlainConstructorContext) c;
                    for (SmParser.AtypeContext t : p.atype()) fields.add(types.visit(t));
                    constructors.add(new Decl.ConDecl(p.UPPER().getText(), fields, context.pos(c)));
                }
            }
            return new Decl.Data(data.UPPER().getText(), texts(data.LOWER()), constructors, pos);
        }
        if (ctx instanceof SmParser.TypeAliasDeclContext alias) {
            return new Decl.TypeAlias(alias.UPPER().getText(), texts(alias.LOWER()), types.visit(alias.typeExpr()), pos);
        }
        if (ctx instanceof SmParser.MachineDeclContext machine) return machine(machine);
        if (ctx instanceof SmParser.UpgradeDeclContext up) {
            return upgrade(Decl.Direction.UPGRADE, up.machineRef(0), up.machineRef(1), up.upgradeBlock(), pos);
        }
        if (ctx instanceof SmParser.DowngradeDeclContext down) {
            return upgrade(Decl.Direction.DOWNGRADE, down.machineRef(0), down.machineRef(1), down.upgradeBlock(), pos);
        }
        return valueDecl(((SmParser.ValueItemContext) ctx).valueDecl());
    }

    private Decl valueDecl(SmParser.ValueDeclContext ctx) {
        Position pos = context.pos(ctx);
        if (ctx instanceof SmParser.SignatureDeclContext sig) {
            return new Decl.Signature(sig.LOWER().getText(), types.visit(sig.typeExpr()), pos);
        }
        SmParser.DefinitionDeclContext def = (SmParser.DefinitionDeclContext) ctx;
        String name = def.LOWER().getText();
        if (def.rhs() instanceof SmParser.ArrowRhsContext arrow) {
            if (def.apattern() != null) {
                context.error(def.apattern().getStart(), "an arrow takes its input through 'proc', not a parameter: write '"
                        + name + " = proc p -> ...'");
            }
            return new Decl.Arrow(name, cmds.proc(arrow.proc()), pos);
        }
        Optional<Pattern> parameter = def.apattern() == null ? Optional.empty() : Optional.of(patterns.visit(def.apattern()));
        return new Decl.Function(name, parameter, exprs.visit(((SmParser.ExpressionRhsContext) def.rhs()).expr()), pos);
    }

    private Decl machine(SmParser.MachineDeclContext ctx) {
        String name = ctx.LOWER().getText();
        SmParser.StateItemContext state = null;
        SmParser.StepItemContext step = null;
        List<Decl> where = new ArrayList<>();
        boolean seenWhere = false;
        for (SmParser.MachineItemContext item : ctx.machineBlock().machineItem()) {
            if (item instanceof SmParser.StateItemContext s) {
                if (state != null) context.error(s.STATE().getSymbol(), "machine '" + name + "' has a second 'state' line");
                else state = s;
            } else if (item instanceof SmParser.StepItemContext p) {
                if (step != null) context.error(p.getStart(), "machine '" + name + "' has a second step 'proc ...': it takes one");
                else step = p;
            } else {
                SmParser.WhereItemContext w = (SmParser.WhereItemContext) item;
                if (seenWhere) context.error(w.WHERE().getSymbol(), "machine '" + name + "' has a second 'where' block");
                seenWhere = true;
                for (SmParser.ValueDeclContext local : w.localBlock().valueDecl()) where.add(valueDecl(local));
            }
        }
        Token at = ctx.LOWER().getSymbol();
        if (state == null) {
            context.error(at, "machine '" + name + "' has no state: add a line 'state Type = initial value' under its header");
        }
        if (step == null) {
            context.error(at, "machine '" + name + "' has no step: add a line 'proc input -> command' under its header");
        }
        if (state == null || step == null) return null;
        return new Decl.Machine(name, types.visit(ctx.btype(0)), types.visit(ctx.btype(1)),
                types.visit(state.typeExpr()), exprs.visit(state.expr()), cmds.proc(step.proc()), where, context.pos(ctx));
    }

    private Decl upgrade(Decl.Direction direction, SmParser.MachineRefContext from, SmParser.MachineRefContext to,
                         SmParser.UpgradeBlockContext block, Position pos) {
        Proc state = null, input = null, output = null;
        for (SmParser.UpgradeItemContext item : block.upgradeItem()) {
            Token keyword = item.getStart();
            Proc proc = cmds.proc(item.getRuleContext(SmParser.ProcContext.class, 0));
            if (item instanceof SmParser.StateMigrationContext) state = once(state, proc, keyword);
            else if (item instanceof SmParser.InputAdapterContext) input = once(input, proc, keyword);
            else output = once(output, proc, keyword);
        }
        return new Decl.Upgrade(direction, context.name(from.getStart()), context.name(to.getStart()),
                Optional.ofNullable(state), Optional.ofNullable(input), Optional.ofNullable(output), pos);
    }

    private Proc once(Proc previous, Proc next, Token keyword) {
        if (previous == null) return next;
        context.error(keyword, "a second '" + keyword.getText() + "' clause: each of state, input and output appears at most once");
        return previous;
    }

    private static List<String> texts(List<TerminalNode> nodes) {
        List<String> out = new ArrayList<>();
        for (TerminalNode n : nodes) out.add(n.getText());
        return out;
    }
}
