package hotsm.compiler.types;

import java.util.Optional;

/**
 * What to say when a built-in arrow ({@code get}, {@code put},
 * {@code returnA}) is used as a value, as a newcomer from Haskell's State
 * monad or from arrow combinators writes it ({@code put -< get + 1},
 * {@code returnA x}): arrows are only fed, in commands.
 */
final class BuiltinArrows {
    private BuiltinArrows() {}

    /** The message for {@code name} used as a value, if it is a built-in arrow. */
    static Optional<String> usedAsValue(String name) {
        return Optional.ofNullable(switch (name) {
            case "get" -> "'get' is an arrow, not a value: read the state in a command, 'n <- get -< ()', and use n";
            case "put" -> "'put' is an arrow, not a function: write the state in a command, 'put -< e'";
            case "returnA" -> "'returnA' is an arrow, not a function: in a command write 'returnA -< e'; in an expression write e itself";
            default -> null;
        });
    }
}
