/**
 * Fuzz targets (Jazzer's JUnit integration, docs/security.md): one class per
 * component that reads bytes or text from outside, each with one
 * {@code @FuzzTest}. The only acceptable outcomes are success or the
 * component's own error type; anything else (another exception, a stack
 * overflow, running out of memory) is a finding.
 *
 * <p>A plain {@code mvn verify} replays the checked-in corpus in
 * {@code src/test/resources/hotsm/vm/fuzz/<Class>Inputs/<method>/} (regression
 * mode); the {@code fuzz-*} surefire executions then run each target for a few
 * seconds with {@code JAZZER_FUZZ=1} (Jazzer fuzzes one test per JVM).
 * A finding is written into the Inputs folder, so it becomes a regression input.
 */
package hotsm.vm.fuzz;
