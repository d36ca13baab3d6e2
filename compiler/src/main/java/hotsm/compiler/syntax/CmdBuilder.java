package hotsm.compiler.syntax;

import hotsm.grammar.SmParser;
import hotsm.grammar.SmParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Cmd}s and {@link Proc}s from the {@code cmd} and {@code proc} rules. */
final class CmdBuilder extends SmParserBaseVisitor<Cmd> {
    private final BuildContext context;
    private final PatternBuilder patterns;
    private final ExprBuilder exprs;

    CmdBuilder(BuildContext context, PatternBuilder patterns, ExprBuilder exprs) {
        this.context = context;
        this.patterns = patterns;
        this.exprs = exprs;
    }

    Proc proc(SmParser.ProcContext ctx) {
        return new Proc(patterns.visit(ctx.pattern()), visit(ctx.cmd()), context.pos(ctx));
    }

    @Override
    public Cmd visitFeedCmd(SmParser.FeedCmdContext ctx) {
        return new Cmd.Feed(context.name(ctx.arrowName().getStart()), exprs.visit(ctx.expr()), context.pos(ctx));
    }

    @Override
    public Cmd visitDoCmd(SmParser.DoCmdContext ctx) {
        List<Cmd.Stmt> statements = new ArrayList<>();
        for (SmParser.StmtContext s : ctx.stmtBlock().stmt()) {
            if (s instanceof SmParser.LetStmtContext let) {
                boolean first = true;
                for (SmParser.BindingContext b : exprs.bindings(let.letBlock(), let.LET().getSymbol())) {
                    Position at = first ? context.pos(let) : context.pos(b);
                    statements.add(new Cmd.LetStmt(patterns.visit(b.pattern()), exprs.visit(b.expr()), at));
                    first = false;
                }
            } else {
                statements.add(statement(s));
            }
        }
        Position pos = context.pos(ctx);
        if (statements.isEmpty()) {
            context.error(ctx.DO().getSymbol(), "empty 'do' block: it needs at least a final command such as 'returnA -< x'");
            return new Cmd.Do(List.of(), new Cmd.Feed(QualName.bare("returnA", pos), new Expr.Unit(pos), pos), pos);
        }
        Cmd.Stmt last = statements.remove(statements.size() - 1);
        if (last instanceof Cmd.Exec exec) return new Cmd.Do(statements, exec.cmd(), pos);
        context.error(last.pos(), 1, "the last statement of a 'do' block must be a command such as 'returnA -< x', not "
                + (last instanceof Cmd.Bind ? "a binding 'p <- cmd'" : "'let'"));
        return new Cmd.Do(statements, new Cmd.Feed(QualName.bare("returnA", pos), new Expr.Unit(pos), pos), pos);
    }

    private Cmd.Stmt statement(SmParser.StmtContext ctx) {
        Position pos = context.pos(ctx);
        if (ctx instanceof SmParser.BindStmtContext bind) {
            return new Cmd.Bind(patterns.visit(bind.pattern()), visit(bind.cmd()), pos);
        }
        return new Cmd.Exec(visit(((SmParser.CmdStmtContext) ctx).cmd()), pos);
    }

    @Override
    public Cmd visitCaseCmd(SmParser.CaseCmdContext ctx) {
        List<Cmd.Alt> alts = new ArrayList<>();
        for (SmParser.CmdAltContext alt : ctx.cmdAltBlock().cmdAlt()) {
            alts.add(new Cmd.Alt(patterns.visit(alt.pattern()), visit(alt.cmd()), context.pos(alt)));
        }
        if (alts.isEmpty()) context.error(ctx.OF().getSymbol(), "a 'case' needs at least one alternative 'Pattern -> command'");
        return new Cmd.Case(exprs.visit(ctx.expr()), alts, context.pos(ctx));
    }

    @Override
    public Cmd visitIfCmd(SmParser.IfCmdContext ctx) {
        return new Cmd.If(exprs.visit(ctx.expr()), visit(ctx.cmd(0)), visit(ctx.cmd(1)), context.pos(ctx));
    }

    @Override
    public Cmd visitParenCmd(SmParser.ParenCmdContext ctx) { return visit(ctx.cmd()); }
}
