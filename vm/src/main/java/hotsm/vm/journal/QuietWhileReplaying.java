package hotsm.vm.journal;

import hotsm.vm.node.NodeListener;
import hotsm.vm.node.VersionChange;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;

/** A listener that hears nothing while recovery replays the journal (a trace of old news), then everything. */
final class QuietWhileReplaying implements NodeListener {
    private final DurableLog log;
    private final NodeListener inner;

    QuietWhileReplaying(DurableLog log, NodeListener inner) {
        this.log = log;
        this.inner = inner;
    }

    @Override public void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) {
        if (log.live()) inner.stepped(outputType, output, stateType, newState);
    }

    @Override public void stepFailed(String reason) {
        if (log.live()) inner.stepFailed(reason);
    }

    @Override public void changed(VersionChange change) {
        if (log.live()) inner.changed(change);
    }

    @Override public void changeRefused(VersionChange.Kind kind, String reason) {
        if (log.live()) inner.changeRefused(kind, reason);
    }
}
