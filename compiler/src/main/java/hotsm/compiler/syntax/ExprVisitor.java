package hotsm.compiler.syntax;

/**
 * One method per case of {@link Expr} (an expression of the AST), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface ExprVisitor<R> {
    R visitIntLit(Expr.IntLit e);

    R visitStrLit(Expr.StrLit e);

    R visitUnit(Expr.Unit e);

    R visitVar(Expr.Var e);

    R visitCon(Expr.Con e);

    R visitApp(Expr.App e);

    R visitTuple(Expr.Tuple e);

    R visitBinary(Expr.Binary e);

    R visitNegate(Expr.Negate e);

    R visitIf(Expr.If e);

    R visitLet(Expr.Let e);

    R visitCase(Expr.Case e);

    R visitListLit(Expr.ListLit e);

    R visitCons(Expr.Cons e);

    R visitLambda(Expr.Lambda e);

    R visitField(Expr.Field e);

    R visitRecordCon(Expr.RecordCon e);

    R visitRecordUpdate(Expr.RecordUpdate e);

    /** Calls the method for {@code e}'s case. */
    default R visit(Expr e) {
        if (e instanceof Expr.IntLit x) return visitIntLit(x);
        if (e instanceof Expr.StrLit x) return visitStrLit(x);
        if (e instanceof Expr.Unit x) return visitUnit(x);
        if (e instanceof Expr.Var x) return visitVar(x);
        if (e instanceof Expr.Con x) return visitCon(x);
        if (e instanceof Expr.App x) return visitApp(x);
        if (e instanceof Expr.Tuple x) return visitTuple(x);
        if (e instanceof Expr.Binary x) return visitBinary(x);
        if (e instanceof Expr.Negate x) return visitNegate(x);
        if (e instanceof Expr.If x) return visitIf(x);
        if (e instanceof Expr.Let x) return visitLet(x);
        if (e instanceof Expr.Case x) return visitCase(x);
        if (e instanceof Expr.ListLit x) return visitListLit(x);
        if (e instanceof Expr.Cons x) return visitCons(x);
        if (e instanceof Expr.Lambda x) return visitLambda(x);
        if (e instanceof Expr.Field x) return visitField(x);
        if (e instanceof Expr.RecordCon x) return visitRecordCon(x);
        if (e instanceof Expr.RecordUpdate x) return visitRecordUpdate(x);
        throw new IllegalArgumentException("not a case of Expr: " + e);
    }
}
