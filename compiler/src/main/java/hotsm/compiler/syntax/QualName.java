package hotsm.compiler.syntax;

import java.util.Optional;

/** A possibly qualified name as written: {@code n}, {@code Counter1.counter}, {@code C.Incr}. */
public record QualName(Optional<String> qualifier, String name, Position pos) {
    public static QualName bare(String name, Position pos) { return new QualName(Optional.empty(), name, pos); }

    @Override public String toString() { return qualifier.isPresent() ? qualifier.get() + "." + name : name; }
}
