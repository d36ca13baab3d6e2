/**
 * Values in the erased representation (LANGUAGE.md §4, §12: lists as cons
 * cells with their length, maps as persistent AVL trees), their total order
 * ({@link hotsm.vm.value.ValueOrder}, charged to a {@link hotsm.vm.value.Meter})
 * and their source syntax. {@link hotsm.vm.value.ValuePrinter} prints a {@link hotsm.vm.value.Value}
 * against a {@link hotsm.vm.types.TypeDesc} ({@code Total 2}, {@code Just (Total (-3))});
 * {@link hotsm.vm.value.ValueParser} reads it back, reporting errors with a
 * 0-based column. Invariant: {@code parse(t, print(t, v)) == v} for every
 * {@code v} conforming to {@code t.erase()}. Nodes and clients share this code,
 * so what a client types is exactly what the node prints.
 */
package hotsm.vm.value;
