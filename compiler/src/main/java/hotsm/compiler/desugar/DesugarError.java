package hotsm.compiler.desugar;

import hotsm.compiler.syntax.Position;

/**
 * A program that type-checked but cannot be compiled: today only an initial
 * state whose evaluation fails at compile time (division by zero).
 */
public final class DesugarError extends RuntimeException {
    private final transient Position pos;

    public DesugarError(Position pos, String message) {
        super(message);
        this.pos = pos;
    }

    public Position pos() { return pos; }
}
