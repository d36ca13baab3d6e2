package hotsm.vm.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * What a new snapshot makes unnecessary. The two newest snapshots are kept
 * (so a damaged newest one still leaves a way back), with every segment
 * holding records from the older one's position on; older snapshots and
 * segments are deleted. Artifacts are all kept: the history names them.
 */
final class Retention {
    private Retention() {}

    static final int SNAPSHOTS_KEPT = 2;

    /** @param current the first index of the segment being written (never deleted) */
    static void prune(DataDir dir, long current) throws IOException {
        List<DataDir.Numbered> snapshots = dir.snapshots();
        if (snapshots.size() < SNAPSHOTS_KEPT) return;
        long keepFrom = snapshots.get(snapshots.size() - SNAPSHOTS_KEPT).number();
        boolean deleted = false;
        for (DataDir.Numbered s : snapshots.subList(0, snapshots.size() - SNAPSHOTS_KEPT)) {
            deleted |= Files.deleteIfExists(s.file());
        }
        List<DataDir.Numbered> segments = dir.segments();
        for (int i = 0; i + 1 < segments.size(); i++) {
            // Segment i ends where segment i+1 begins: all of it is older than the snapshot kept.
            if (segments.get(i + 1).number() <= keepFrom && segments.get(i).number() != current) {
                deleted |= Files.deleteIfExists(segments.get(i).file());
            }
        }
        if (deleted) DataDir.forceDirectory(dir.path());
    }
}
