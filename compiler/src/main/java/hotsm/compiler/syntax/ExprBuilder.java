package hotsm.compiler.syntax;

import hotsm.grammar.SmParser;
import hotsm.grammar.SmParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Expr}s from the {@code expr} rule. A minus sign directly in
 * front of an integer literal makes a negative {@link Expr.IntLit} (so
 * {@code -9223372036854775808} is representable); any other unary minus is
 * an {@link Expr.Negate}.
 */
final class ExprBuilder extends SmParserBaseVisitor<Expr> {
    private final BuildContext context;
    private final PatternBuilder patterns;

    ExprBuilder(BuildContext context, PatternBuilder patterns) {
        this.context = context;
        this.patterns = patterns;
    }

    @Override
    public Expr visitApplicationExpr(SmParser.ApplicationExprContext ctx) { return visit(ctx.application()); }

    @Override
    public Expr visitApplication(SmParser.ApplicationContext ctx) {
        List<SmParser.AexprContext> parts = ctx.aexpr();   // a new list at each call: taken once
        Expr function = visit(parts.get(0));
        if (parts.size() == 1) return function;
        List<Expr> args = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) args.add(visit(parts.get(i)));
        return new Expr.App(function, args, context.pos(ctx));
    }

    @Override
    public Expr visitNegateExpr(SmParser.NegateExprContext ctx) {
        if (ctx.expr() instanceof SmParser.ApplicationExprContext app
                && app.application().aexpr().size() == 1
                && app.application().aexpr(0) instanceof SmParser.IntLiteralContext literal) {
            return new Expr.IntLit(Literals.integer(literal.INT().getSymbol(), true, context), context.pos(ctx));
        }
        return new Expr.Negate(visit(ctx.expr()), context.pos(ctx));
    }

    @Override
    public Expr visitMultiplicativeExpr(SmParser.MultiplicativeExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitAdditiveExpr(SmParser.AdditiveExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override
    public Expr visitConcatExpr(SmParser.ConcatExprContext ctx) {
        if (ctx.op.getType() == hotsm.grammar.SmLexer.CONS) {
            return new Expr.Cons(visit(ctx.expr(0)), visit(ctx.expr(1)), context.pos(ctx.op));
        }
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitComparisonExpr(SmParser.ComparisonExprContext ctx) {
        for (SmParser.ExprContext operand : ctx.expr()) {
            if (operand instanceof SmParser.ComparisonExprContext inner) {
                context.error(ctx.op, "comparisons do not chain: '" + inner.op.getText() + "' and '"
                        + ctx.op.getText() + "' need parentheses, e.g. (a < b) && (b < c)");
            }
        }
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitAndExpr(SmParser.AndExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override
    public Expr visitOrExpr(SmParser.OrExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    private Expr binary(Token op, SmParser.ExprContext left, SmParser.ExprContext right) {
        return new Expr.Binary(operator(op), visit(left), visit(right), context.pos(op));
    }

    private static final java.util.Map<String, BinaryOp> OPERATORS = new java.util.HashMap<>();

    static {
        for (BinaryOp candidate : BinaryOp.values()) OPERATORS.put(candidate.symbol(), candidate);
    }

    private static BinaryOp operator(Token op) {
        BinaryOp found = OPERATORS.get(op.getText());
        if (found != null) return found;
        throw new IllegalStateException("not a binary operator: " + op.getText());
    }

    @Override
    public Expr visitIfExpr(SmParser.IfExprContext ctx) {
        return new Expr.If(visit(ctx.expr(0)), visit(ctx.expr(1)), visit(ctx.expr(2)), context.pos(ctx));
    }

    @Override
    public Expr visitLetExpr(SmParser.LetExprContext ctx) {
        List<SmParser.BindingContext> bindings = bindings(ctx.letBlock(), ctx.LET().getSymbol());
        Expr body = visit(ctx.expr());
        for (int i = bindings.size() - 1; i >= 0; i--) {
            SmParser.BindingContext b = bindings.get(i);
            body = new Expr.Let(patterns.visit(b.pattern()), visit(b.expr()), body, i == 0 ? context.pos(ctx) : context.pos(b));
        }
        return body;
    }

    /** The bindings of a {@code let}, at least one (else an error at {@code let}). */
    List<SmParser.BindingContext> bindings(SmParser.LetBlockContext block, Token let) {
        if (block.binding().isEmpty()) context.error(let, "a 'let' needs at least one binding 'pattern = expression'");
        return block.binding();
    }

    @Override
    public Expr visitLambdaExpr(SmParser.LambdaExprContext ctx) {
        return new Expr.Lambda(patterns.visit(ctx.apattern()), visit(ctx.expr()), context.pos(ctx));
    }

    @Override
    public Expr visitListLiteral(SmParser.ListLiteralContext ctx) {
        List<Expr> elements = new ArrayList<>();
        for (SmParser.ExprContext e : ctx.expr()) elements.add(visit(e));
        return new Expr.ListLit(elements, context.pos(ctx));
    }

    @Override
    public Expr visitFieldAccess(SmParser.FieldAccessContext ctx) {
        Token dot = ctx.FIELD().getSymbol();
        if (ctx.aexpr().getStop().getStopIndex() + 1 != dot.getStartIndex()) {
            context.error(dot, "no space before the '.' of a field access: write '" + ctx.aexpr().getText() + dot.getText() + "'");
        }
        return new Expr.Field(visit(ctx.aexpr()), dot.getText().substring(1), context.pos(dot));
    }

    @Override
    public Expr visitRecordExpr(SmParser.RecordExprContext ctx) {
        List<Expr.FieldBind> fields = new ArrayList<>();
        for (SmParser.FieldBindContext f : ctx.fieldBind()) {
            fields.add(new Expr.FieldBind(f.LOWER().getText(), visit(f.expr()), context.pos(f)));
        }
        if (ctx.aexpr() instanceof SmParser.ConstructorContext c) {
            return new Expr.RecordCon(context.name(c.getStart()), fields, context.pos(ctx));
        }
        return new Expr.RecordUpdate(visit(ctx.aexpr()), fields, context.pos(ctx.LBRACE().getSymbol()));
    }

    @Override
    public Expr visitCaseExpr(SmParser.CaseExprContext ctx) {
        List<Expr.Alt> alts = new ArrayList<>();
        for (SmParser.AltContext alt : ctx.altBlock().alt()) {
            alts.add(new Expr.Alt(patterns.visit(alt.pattern()), visit(alt.expr()), context.pos(alt)));
        }
        if (alts.isEmpty()) context.error(ctx.OF().getSymbol(), "a 'case' needs at least one alternative 'Pattern -> expression'");
        return new Expr.Case(visit(ctx.expr()), alts, context.pos(ctx));
    }

    @Override
    public Expr visitIntLiteral(SmParser.IntLiteralContext ctx) {
        return new Expr.IntLit(Literals.integer(ctx.INT().getSymbol(), false, context), context.pos(ctx));
    }

    @Override
    public Expr visitStringLiteral(SmParser.StringLiteralContext ctx) {
        return new Expr.StrLit(Literals.string(ctx.STRING().getSymbol(), context), context.pos(ctx));
    }

    @Override
    public Expr visitUnitLiteral(SmParser.UnitLiteralContext ctx) { return new Expr.Unit(context.pos(ctx)); }

    @Override
    public Expr visitParenExpr(SmParser.ParenExprContext ctx) {
        if (ctx.expr().size() == 1) return visit(ctx.expr(0));
        List<Expr> components = new ArrayList<>();
        for (SmParser.ExprContext e : ctx.expr()) components.add(visit(e));
        return new Expr.Tuple(components, context.pos(ctx));
    }

    @Override
    public Expr visitVariable(SmParser.VariableContext ctx) {
        return new Expr.Var(context.name(ctx.getStart()), context.pos(ctx));
    }

    @Override
    public Expr visitConstructor(SmParser.ConstructorContext ctx) {
        return new Expr.Con(context.name(ctx.getStart()), context.pos(ctx));
    }
}
