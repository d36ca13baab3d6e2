package hotsm.repl;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * What typed values are fed to: a machine running in this process
 * ({@link LocalMachine}) or a node across the network ({@link RemoteNode}).
 * Both answer the same requests, so every command works in both modes.
 */
interface Target {

    /** Qualified name of the machine running now, {@code Counter1.counter}. */
    String machineName();

    /** Its identity (upgrade sections are matched against it). */
    Identity identity();

    /** The type typed values are read as (and whose constructors complete). */
    TypeDesc inputType();

    /**
     * Feeds one input. Returns the lines to print: the output first
     * ({@code Ok}, {@code Total 2}), then anything else worth showing.
     */
    List<String> step(Value input) throws ReplError;

    /** The current state, printed in source syntax. */
    String state() throws ReplError;

    /** Upgrades with {@code artifact}: {@code Upgrade successful!} or the reason it was refused. */
    String upgrade(Artifact artifact) throws ReplError;

    /** {@code Downgrade successful!} or the reason it was refused. */
    String downgrade() throws ReplError;

    /** The same with a release signature (docs/security.md); a machine in this process needs none. */
    default String upgrade(Artifact artifact, Optional<ReleaseSignature> signature) throws ReplError {
        return upgrade(artifact);
    }

    /** The same with a release signature (docs/security.md); a machine in this process needs none. */
    default String downgrade(Optional<ReleaseSignature> signature) throws ReplError {
        return downgrade();
    }

    /** The versions that ran, oldest first, one line each. */
    List<String> history() throws ReplError;

    /** Name, identity and types, one line each. */
    List<String> info() throws ReplError;

    /** A short description for {@code :load} and {@code :connect}. */
    String describe();

    /** Lets go of the machine or the connection. */
    void close();
}
