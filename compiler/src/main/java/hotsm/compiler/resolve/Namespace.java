package hotsm.compiler.resolve;

/**
 * The kinds of top-level names; each has its own table (a type and a constructor may share a name).
 * A VALUE is an {@link Entity.Value} or an {@link Entity.Primitive}, a CONSTRUCTOR an
 * {@link Entity.Constructor}, a TYPE an {@link Entity.DataName} or an {@link Entity.Alias}, a
 * MACHINE an {@link Entity.Machine}.
 */
public enum Namespace {
    VALUE("variable"), CONSTRUCTOR("constructor"), TYPE("type"), MACHINE("machine");

    private final String noun;

    Namespace(String noun) { this.noun = noun; }

    /** How an error message calls a name of this kind. */
    public String noun() { return noun; }
}
