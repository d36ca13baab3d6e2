/**
 * Fuzz target for the {@code .sm} front end (Jazzer's JUnit integration,
 * docs/security.md): any text is either compiled or answered with
 * diagnostics; nothing else may come out. {@code mvn verify}'s
 * {@code fuzz-frontend} surefire execution replays the corpus in
 * {@code src/test/resources/hotsm/compiler/fuzz/FrontEndFuzzTestInputs/}, then
 * fuzzes for a few seconds.
 */
package hotsm.compiler.fuzz;
