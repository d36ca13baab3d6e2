/**
 * Tests as data: the one runner of the test programs of
 * {@code compiler/src/test/resources/programs} and {@code .../errors}.
 * Input: {@code .sm} files whose {@link hotsm.compiler.programs.Directive}s
 * ({@code -- expect:}, {@code -- runtime error:}, {@code -- error: L:C},
 * {@code -- upgrade:}, ...; the grammar is in the programs folder's README.md)
 * say what they do. Output: a transcript per program, the same on every
 * {@link hotsm.compiler.programs.Engine} (IR interpreter, CAM, JIT, in-process
 * node), compared with the golden {@code NAME.out} beside the program.
 * Invariant: a program that runs never carries a compile-error directive, and
 * the reverse. The idea is Crafting Interpreters' test suite, and Truffle
 * SL's one golden suite run against each back end.
 */
package hotsm.compiler.programs;
