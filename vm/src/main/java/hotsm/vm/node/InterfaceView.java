package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.TypeDesc;

/** The input and output types a client speaking {@code identity} uses. */
public record InterfaceView(Identity identity, TypeDesc input, TypeDesc output) {}
