package hotsm.compiler.syntax;

/** {@code proc pattern -> cmd}: an arrow in arrow notation. */
public record Proc(Pattern parameter, Cmd body, Position pos) {}
