/**
 * The {@code sm repl}: a read–eval–print loop over one {@link hotsm.repl.ReplSession}.
 *
 * <p>Input: lines, from a JLine 3 terminal ({@link hotsm.repl.TerminalLines}: editing,
 * history in {@code ~/.sm_history}, completion by {@link hotsm.repl.ReplCompleter}) or
 * plainly from a pipe ({@link hotsm.repl.PlainLines}: no prompt, no ANSI codes, so a
 * session can be scripted and checked line by line). Output: printed text only.
 *
 * <p>A line is classified in this order: a {@code :command} (the table in
 * {@link hotsm.repl.Commands}); a value of the current machine's input type (it steps
 * the machine: in this process for a loaded file, {@link hotsm.repl.LocalMachine}, or on
 * a node, {@link hotsm.repl.RemoteNode}; both take upgrades and downgrades); otherwise
 * a pure expression, evaluated on the reference IR interpreter and printed with its
 * type ({@code 3 : Int}). When neither
 * reading works, the error shown is the value's if the line starts with a capital
 * (it was meant as a constructor: {@code Incrr}), else the expression's. The user story
 * is the seed's Erlang/GHCi session: {@code Incr}, {@code Count},
 * {@code :upgrade Counter2.sm}, ...
 *
 * <p>Invariant: every error reaches the user as one or two lines
 * ({@link hotsm.repl.ReplError}); no stack trace is ever printed.
 */
package hotsm.repl;
