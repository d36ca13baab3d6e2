package hotsm.vm.value;

/**
 * Where work on values is paid for: the CAM charges each unit to the step's
 * fuel (docs/bytecode.md §11, the unit is one value node visited or one
 * character compared or copied) and throws when it runs out. Code with no
 * budget (printing, decoding) uses {@link #FREE}.
 */
@FunctionalInterface
public interface Meter {
    /** Pays {@code units}; throws (the caller's exception) when the budget is exhausted. */
    void charge(long units);

    /** A meter that never runs out. */
    Meter FREE = units -> { };
}
