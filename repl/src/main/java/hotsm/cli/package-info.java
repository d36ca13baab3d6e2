/**
 * The command lines. {@link hotsm.cli.Smc} ({@code bin/smc}) compiles
 * {@code .sm} files to {@code .cam} artifacts and inspects them; its
 * subcommands live in {@code hotsm.cli.smc}. {@link hotsm.cli.Sm}
 * ({@code bin/sm}) runs nodes and talks to them, its node and client
 * subcommands in {@code hotsm.cli.sm}, its {@code repl} and {@code demo} in
 * {@code hotsm.repl}. Both are picocli command trees with one class per
 * subcommand; both exit 0 (ok), 1 (user error or refused request), 2 (usage)
 * or 3 (internal failure, one line, never a stack trace).
 */
package hotsm.cli;
