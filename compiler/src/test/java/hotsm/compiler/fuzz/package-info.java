/**
 * Fuzz target for the {@code .sm} front end (Jazzer's JUnit integration,
 * docs/security.md): any text is either compiled or answered with
 * diagnostics; nothing else may come out. A plain {@code mvn verify} replays
 * the corpus in {@code src/test/resources/hotsm/compiler/fuzz/FrontEndFuzzTestInputs/};
 * the {@code fuzz-frontend} surefire execution then fuzzes it for a few seconds.
 */
package hotsm.compiler.fuzz;
