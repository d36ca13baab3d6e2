package hotsm.compiler.ir;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A machine after desugaring: everything the code generator needs to write its
 * artifact, and everything the reference interpreter needs to run it.
 *
 * @param name         qualified, {@code Counter1.counter}
 * @param initialState evaluated at compile time
 * @param step         {@code input -> output}, with {@code Get}/{@code Put} on {@code state}
 * @param upgrades     the {@code upgrade X -> this} declarations of this machine's module
 * @param downgrades   the {@code downgrade this -> X} declarations of this machine's module
 */
public record MachineIr(String name, TypeDesc input, TypeDesc output, TypeDesc state,
                        Value initialState, Term step,
                        List<UpgradeIr> upgrades, List<DowngradeIr> downgrades) {
    public MachineIr {
        upgrades = List.copyOf(upgrades);
        downgrades = List.copyOf(downgrades);
    }

    /**
     * {@code upgrade from -> this}: {@code migration : from.state -> state}
     * (the identity term when omitted), {@code inputAdapter : from.input -> input},
     * {@code outputAdapter : output -> from.output}.
     */
    public record UpgradeIr(MachineIr from, Term migration, Optional<Term> inputAdapter, Optional<Term> outputAdapter) {}

    /** {@code downgrade this -> to}: {@code migration : state -> to.state}. */
    public record DowngradeIr(MachineIr to, Term migration) {}
}
