package hotsm.cluster;

import hotsm.vm.protocol.HostPort;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Every Ratis setting a member changes from Ratis's defaults, in one place:
 * where it listens and keeps its log, election timeouts, linearizable reads,
 * snapshots and log purging, and message sizes large enough for an upgrade
 * entry carrying a whole artifact.
 */
final class RatisConfig {
    private RatisConfig() {}

    static RaftProperties server(ClusterSpec spec, Path dataDir, ClusterOptions options) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(dataDir.toFile()));
        HostPort self = HostPort.parse(spec.selfAddress());
        GrpcConfigKeys.Server.setHost(p, self.host());
        GrpcConfigKeys.Server.setPort(p, self.port());
        long election = options.electionTimeout().toMillis();
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(election, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(2 * election, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, TimeDuration.valueOf(election, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p,
                TimeDuration.valueOf(2 * election, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(p, TimeDuration.valueOf(options.commitTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, options.snapshotEvery());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(1024, options.snapshotEvery()));
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(options.segmentBytes()));
        // An upgrade entry carries a whole artifact (up to 16 MiB, ArtifactCodec.MAX_FILE_BYTES).
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf("17MB"));
        RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf("18MB"));
        GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf("20MB"));
        RaftServerConfigKeys.setCloseThreshold(p, TimeDuration.valueOf(5, TimeUnit.SECONDS));
        return p;
    }

    static RaftProperties client(long timeoutMs) {
        RaftProperties p = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(Math.min(timeoutMs, 3000),
                TimeUnit.MILLISECONDS));
        GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf("20MB"));
        return p;
    }
}
