// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.bench;

import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ffmpeg.Natives;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.LadderTranscoder;
import io.cascade.transcode.ladder.OverflowPolicy;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.OutputStats;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Our side of {@link TranscodeBench}, run in a JVM of its own so its peak RSS (VmHWM) is ours alone:
 * demux the input with libavformat and feed every packet to a {@link LadderTranscoder} as fast as
 * it takes them (BLOCK policy: nothing dropped), outputs to a discarding sink, like
 * {@code -f null -} on the CLI side. Prints one JSON line.
 *
 * <p>Usage: {@code LadderBenchRun <input> [decoderThreads [x264Threads [queueCapacity]]]}
 */
public final class LadderBenchRun {

    private LadderBenchRun() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int decoderThreads = args.length > 1 ? Integer.parseInt(args[1]) : LadderConfig.defaults().decoderThreads();
        int x264Threads = args.length > 2 ? Integer.parseInt(args[2]) : LadderConfig.defaults().x264Threads();
        int queue = args.length > 3 ? Integer.parseInt(args[3]) : LadderConfig.defaults().queueCapacity();
        Natives.load();
        long baselineKib = ProcStatus.selfKib("VmRSS");
        LadderConfig config = LadderConfig.defaults().withOverflow(OverflowPolicy.BLOCK, queue)
                .withThreads(x264Threads, decoderThreads);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        TranscoderStats stats;
        long mediaMicros;
        try (FileDemuxer demuxer = FileDemuxer.open(input)) {
            mediaMicros = demuxer.durationMicros();
            LadderTranscoder t = LadderTranscoder.start(demuxer.source(), config, AudioRendition.defaults(),
                    RenditionSink.DISCARD);
            EncodedPacket p;
            while ((p = demuxer.next()) != null) {
                t.submit(p);
            }
            t.finish();
            stats = t.stats();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        StringJoiner frames = new StringJoiner(",", "{", "}");
        for (OutputStats o : stats.outputs()) {
            frames.add("\"" + o.name() + "\":" + o.frames());
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"wall_s\":%.3f,\"cpu_s\":%.3f,\"media_s\":%.3f,\"decoded\":%d,\"dropped\":%d,\"corrupt\":%d,"
                        + "\"vmhwm_kib\":%d,\"baseline_rss_kib\":%d,\"frames\":%s}",
                wall, cpu, mediaMicros / 1e6, stats.decodedFrames(), stats.droppedFrames(), stats.corruptPackets(),
                ProcStatus.selfKib("VmHWM"), baselineKib, frames));
    }
}
