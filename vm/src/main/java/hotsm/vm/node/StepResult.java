package hotsm.vm.node;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;

/**
 * The answer to one input.
 *
 * @param output     the output, in the output type of the interface the client speaks
 * @param outputType that type, so the value can be printed as {@code Total 2}
 */
public record StepResult(Value output, TypeDesc outputType) {}
