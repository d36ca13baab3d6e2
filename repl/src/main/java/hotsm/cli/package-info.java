/**
 * The command lines. {@link hotsm.cli.Smc} ({@code bin/smc}) compiles
 * {@code .sm} files to {@code .cam} artifacts and inspects them; its
 * subcommands live in {@code hotsm.cli.smc}. {@link hotsm.cli.Sm}
 * ({@code bin/sm}) runs nodes and talks to them, its node and client
 * subcommands in {@code hotsm.cli.sm}, its {@code repl} and {@code demo} in
 * {@code hotsm.repl}. Both are picocli command trees with one class per
 * subcommand ({@code hotsm.cli.PlainCommandLine} runs the two commonest
 * command lines without picocli, for a faster start). What they share lives
 * here, once: {@link hotsm.cli.MachineFiles}
 * opens "a {@code .sm} source or a {@code .cam} artifact" and picks a machine
 * (the REPL uses it too); {@link hotsm.cli.CliError} is their one error type
 * and {@link hotsm.cli.ExitStatus} maps it to 0 (ok), 1 (user error or refused
 * request), 2 (usage) or 3 (internal failure, one line, never a stack trace);
 * {@link hotsm.cli.NodeAddress}, {@link hotsm.cli.IncludeOption} and
 * {@link hotsm.cli.MachineOption} are the picocli mixins of the options they
 * repeat.
 */
package hotsm.cli;
