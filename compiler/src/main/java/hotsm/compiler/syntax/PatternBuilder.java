package hotsm.compiler.syntax;

import hotsm.grammar.SmParser;
import hotsm.grammar.SmParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Pattern}s from the {@code pattern} and {@code apattern} rules. */
final class PatternBuilder extends SmParserBaseVisitor<Pattern> {
    private final BuildContext context;

    PatternBuilder(BuildContext context) { this.context = context; }

    @Override
    public Pattern visitConstructorPattern(SmParser.ConstructorPatternContext ctx) {
        List<Pattern> args = new ArrayList<>();
        for (SmParser.ApatternContext a : ctx.apattern()) args.add(visit(a));
        return new Pattern.Con(context.name(ctx.constructorName().getStart()), args, context.pos(ctx));
    }

    @Override
    public Pattern visitConsPattern(SmParser.ConsPatternContext ctx) {
        return new Pattern.Cons(visit(ctx.cpattern()), visit(ctx.pattern()), context.pos(ctx.CONS().getSymbol()));
    }

    @Override
    public Pattern visitPlainPattern(SmParser.PlainPatternContext ctx) { return visit(ctx.cpattern()); }

    @Override
    public Pattern visitListPattern(SmParser.ListPatternContext ctx) {
        List<Pattern> elements = new ArrayList<>();
        for (SmParser.PatternContext p : ctx.pattern()) elements.add(visit(p));
        return new Pattern.ListPat(elements, context.pos(ctx));
    }

    @Override
    public Pattern visitRecordPattern(SmParser.RecordPatternContext ctx) {
        List<Pattern.FieldPat> fields = new ArrayList<>();
        for (SmParser.FieldPatternContext f : ctx.fieldPattern()) {
            fields.add(new Pattern.FieldPat(f.LOWER().getText(), visit(f.pattern()), context.pos(f)));
        }
        return new Pattern.Record(context.name(ctx.constructorName().getStart()), fields, context.pos(ctx));
    }

    @Override
    public Pattern visitAtomicPattern(SmParser.AtomicPatternContext ctx) { return visit(ctx.apattern()); }

    @Override
    public Pattern visitWildcardPattern(SmParser.WildcardPatternContext ctx) { return new Pattern.Wild(context.pos(ctx)); }

    @Override
    public Pattern visitVariablePattern(SmParser.VariablePatternContext ctx) {
        return new Pattern.Var(ctx.LOWER().getText(), context.pos(ctx));
    }

    @Override
    public Pattern visitNullaryPattern(SmParser.NullaryPatternContext ctx) {
        return new Pattern.Con(context.name(ctx.constructorName().getStart()), List.of(), context.pos(ctx));
    }

    @Override
    public Pattern visitIntPattern(SmParser.IntPatternContext ctx) {
        long value = Literals.integer(ctx.INT().getSymbol(), ctx.MINUS() != null, context);
        return new Pattern.IntLit(value, context.pos(ctx));
    }

    @Override
    public Pattern visitStringPattern(SmParser.StringPatternContext ctx) {
        return new Pattern.StrLit(Literals.string(ctx.STRING().getSymbol(), context), context.pos(ctx));
    }

    @Override
    public Pattern visitUnitPattern(SmParser.UnitPatternContext ctx) { return new Pattern.Unit(context.pos(ctx)); }

    @Override
    public Pattern visitParenPattern(SmParser.ParenPatternContext ctx) {
        if (ctx.pattern().size() == 1) return visit(ctx.pattern(0));
        List<Pattern> components = new ArrayList<>();
        for (SmParser.PatternContext p : ctx.pattern()) components.add(visit(p));
        return new Pattern.Tuple(components, context.pos(ctx));
    }
}
