package hotsm.vm.node;

/**
 * A snapshot written on demand ({@code sm snapshot}).
 *
 * @param position the number of journal records it covers (replay resumes at this record)
 * @param file     where it was written
 */
public record SnapshotWritten(long position, String file) {}
