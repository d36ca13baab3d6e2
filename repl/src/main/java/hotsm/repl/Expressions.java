package hotsm.repl;

/**
 * Pure expressions typed at the prompt, checked in the scope of the loaded
 * file (or of the Prelude alone), desugared to IR and run on the reference
 * interpreter: {@code 1 + 2} prints {@code 3 : Int}.
 */
final class Expressions {
    private Expressions() {}

    /** {@code value : Type}. */
    static String evaluate(String text, LoadedProgram scope) throws ReplError {
        throw ReplError.of("expressions are not available yet");
    }

    /** {@code text : Type}. */
    static String typeOf(String text, LoadedProgram scope) throws ReplError {
        throw ReplError.of("expressions are not available yet");
    }
}
