package hotsm.repl;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;

/**
 * What typed values are fed to: a machine running in this process
 * ({@link LocalMachine}) or a node across the network ({@link RemoteNode}).
 */
interface Target {

    /** Qualified machine name, {@code Counter1.counter}. */
    String machineName();

    /** The type typed values are read as (and whose constructors complete). */
    TypeDesc inputType();

    /**
     * Feeds one input. Returns the lines to print: the output first
     * ({@code Ok}, {@code Total 2}), then anything else worth showing.
     */
    java.util.List<String> step(Value input) throws ReplError;

    /** The current state, printed in source syntax. */
    String state() throws ReplError;

    /** A short description for the prompt and {@code :info}. */
    String describe();
}
