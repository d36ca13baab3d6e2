package hotsm.compiler.types;

/**
 * One method per case of {@link Typed.Expr} (a typed expression), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypedExprVisitor<R> {
    R visitIntLit(Typed.IntLit e);

    R visitStrLit(Typed.StrLit e);

    R visitUnitLit(Typed.UnitLit e);

    R visitLocal(Typed.Local e);

    R visitConstant(Typed.Constant e);

    R visitCall(Typed.Call e);

    R visitPrimCall(Typed.PrimCall e);

    R visitConstruct(Typed.Construct e);

    R visitTuple(Typed.Tuple e);

    R visitBinary(Typed.Binary e);

    R visitNegate(Typed.Negate e);

    R visitIf(Typed.If e);

    R visitLet(Typed.Let e);

    R visitCase(Typed.Case e);

    R visitListLit(Typed.ListLit e);

    R visitCons(Typed.Cons e);

    R visitLambda(Typed.Lambda e);

    R visitFunctionRef(Typed.FunctionRef e);

    R visitPrimRef(Typed.PrimRef e);

    R visitLocalCall(Typed.LocalCall e);

    R visitFold(Typed.Fold e);

    R visitFail(Typed.Fail e);

    R visitShow(Typed.Show e);

    R visitField(Typed.Field e);

    R visitUpdate(Typed.Update e);

    /** Calls the method for {@code e}'s case. */
    default R visit(Typed.Expr e) {
        if (e instanceof Typed.IntLit x) return visitIntLit(x);
        if (e instanceof Typed.StrLit x) return visitStrLit(x);
        if (e instanceof Typed.UnitLit x) return visitUnitLit(x);
        if (e instanceof Typed.Local x) return visitLocal(x);
        if (e instanceof Typed.Constant x) return visitConstant(x);
        if (e instanceof Typed.Call x) return visitCall(x);
        if (e instanceof Typed.PrimCall x) return visitPrimCall(x);
        if (e instanceof Typed.Construct x) return visitConstruct(x);
        if (e instanceof Typed.Tuple x) return visitTuple(x);
        if (e instanceof Typed.Binary x) return visitBinary(x);
        if (e instanceof Typed.Negate x) return visitNegate(x);
        if (e instanceof Typed.If x) return visitIf(x);
        if (e instanceof Typed.Let x) return visitLet(x);
        if (e instanceof Typed.Case x) return visitCase(x);
        if (e instanceof Typed.ListLit x) return visitListLit(x);
        if (e instanceof Typed.Cons x) return visitCons(x);
        if (e instanceof Typed.Lambda x) return visitLambda(x);
        if (e instanceof Typed.FunctionRef x) return visitFunctionRef(x);
        if (e instanceof Typed.PrimRef x) return visitPrimRef(x);
        if (e instanceof Typed.LocalCall x) return visitLocalCall(x);
        if (e instanceof Typed.Fold x) return visitFold(x);
        if (e instanceof Typed.Fail x) return visitFail(x);
        if (e instanceof Typed.Show x) return visitShow(x);
        if (e instanceof Typed.Field x) return visitField(x);
        if (e instanceof Typed.Update x) return visitUpdate(x);
        throw new IllegalArgumentException("not a case of Typed.Expr: " + e);
    }
}
