/**
 * The subcommands of {@code smc} ({@link hotsm.cli.Smc}): {@code check},
 * {@code ir}, {@code compile}, {@code disasm} and {@code run}. Each is a thin
 * layer over the compiler facade and the vm (codec, verifier, disassembler,
 * CAM, value printer/parser): it reads files, prints results in source
 * syntax, and turns every failure the user can fix into {@code error: ...}
 * and exit status 1. Nothing here knows the language or the bytecode.
 */
package hotsm.cli.smc;
