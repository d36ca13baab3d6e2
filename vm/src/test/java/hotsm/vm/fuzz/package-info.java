/**
 * Fuzz targets (Jazzer's JUnit integration, docs/security.md): one class per
 * component that reads bytes or text from outside, each with one
 * {@code @FuzzTest}. The only acceptable outcomes are success or the
 * component's own error type; anything else (another exception, a stack
 * overflow, running out of memory) is a finding.
 *
 * <p>{@code mvn verify} runs each target in its own {@code fuzz-*} surefire
 * execution with {@code JAZZER_FUZZ=1} (Jazzer fuzzes one test per JVM): it
 * replays the checked-in corpus in
 * {@code src/test/resources/hotsm/vm/fuzz/<Class>Inputs/<method>/}, then
 * fuzzes for a few seconds. The ordinary test run excludes them.
 * A finding is written into the Inputs folder, so it becomes a regression input.
 */
package hotsm.vm.fuzz;
