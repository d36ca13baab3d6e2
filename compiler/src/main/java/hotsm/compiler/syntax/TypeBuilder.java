package hotsm.compiler.syntax;

import hotsm.grammar.SmParser;
import hotsm.grammar.SmParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link TypeExpr}s from the {@code typeExpr}, {@code btype} and {@code atype} rules. */
final class TypeBuilder extends SmParserBaseVisitor<TypeExpr> {
    private final BuildContext context;

    TypeBuilder(BuildContext context) { this.context = context; }

    @Override
    public TypeExpr visitTypeExpr(SmParser.TypeExprContext ctx) {
        TypeExpr from = visit(ctx.btype());
        if (ctx.typeExpr() == null) return from;
        return new TypeExpr.Fun(from, visit(ctx.typeExpr()), context.pos(ctx));
    }

    @Override
    public TypeExpr visitAppliedType(SmParser.AppliedTypeContext ctx) {
        List<TypeExpr> args = new ArrayList<>();
        for (SmParser.AtypeContext a : ctx.atype()) args.add(visit(a));
        return new TypeExpr.Con(context.name(ctx.constructorName().getStart()), args, context.pos(ctx));
    }

    @Override
    public TypeExpr visitAtomicType(SmParser.AtomicTypeContext ctx) { return visit(ctx.atype()); }

    @Override
    public TypeExpr visitNamedType(SmParser.NamedTypeContext ctx) {
        return new TypeExpr.Con(context.name(ctx.constructorName().getStart()), List.of(), context.pos(ctx));
    }

    @Override
    public TypeExpr visitTypeVariable(SmParser.TypeVariableContext ctx) {
        return new TypeExpr.Var(ctx.LOWER().getText(), context.pos(ctx));
    }

    @Override
    public TypeExpr visitUnitType(SmParser.UnitTypeContext ctx) { return new TypeExpr.Unit(context.pos(ctx)); }

    @Override
    public TypeExpr visitParenType(SmParser.ParenTypeContext ctx) {
        if (ctx.typeExpr().size() == 1) return visit(ctx.typeExpr(0));
        List<TypeExpr> components = new ArrayList<>();
        for (SmParser.TypeExprContext t : ctx.typeExpr()) components.add(visit(t));
        return new TypeExpr.Tuple(components, context.pos(ctx));
    }
}
