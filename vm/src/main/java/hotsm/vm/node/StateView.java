package hotsm.vm.node;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;

/** The running machine's state and its type. */
public record StateView(TypeDesc type, Value value) {}
