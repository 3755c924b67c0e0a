// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.edge.cmaf.FfmpegSource;
import io.cascade.edge.cmaf.Processes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg, a player nobody here wrote, reads a live broadcast over HTTP on loopback: the
 * multivariant playlist and both renditions (640x360 and 320x180 encodes of the same source),
 * while a feeder pushes samples in real time (bounded: 6 s of media, 2 s of it up front), every
 * part sent from the spool with sendfile.
 */
class FfmpegPlaysOverHttpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    @TempDir
    Path dir;

    @Test
    void ffprobeAndFfmpegReadTheMultivariantPlaylistAndEveryRendition() throws Exception {
        FfmpegSource.Media high = FfmpegSource.generate(dir, 640, 360, 6, 30, true, "aac");
        FfmpegSource.Media low = FfmpegSource.generate(dir, 320, 180, 6, 30, false, "aac");
        // Parts and init sections from the spool, sent with sendfile (the in-memory path is what the
        // other HTTP tests use).
        HlsBroadcasts broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS.withSegmentTarget(Duration.ofSeconds(1))
                .withSpoolRoot(dir.resolve("spool")), Clock.systemUTC());
        HlsBroadcast b = broadcasts.open("b1");
        HlsRendition r1 = b.rendition("360p", high.video(), high.audio());
        HlsRendition r2 = b.rendition("180p", low.video(), low.audio());
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        try (HttpFixture server = new HttpFixture(broadcasts)) {
            RealTimeFeed feed = new RealTimeFeed(List.of(r1, r2), List.of(high, low), 2.0);
            feeder.scheduleAtFixedRate(feed, 0, 20, TimeUnit.MILLISECONDS);
            String master = server.base() + "/hls/b1/master.m3u8";

            String streams = Processes.check(TIMEOUT, List.of(FfmpegSource.FFPROBE.toString(), "-v", "error",
                    "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", master));
            assertThat(streams.lines().map(String::strip).toList())
                    .contains("h264,640,360", "h264,320,180", "aac");

            String frames = Processes.check(TIMEOUT, List.of(FfmpegSource.FFMPEG.toString(), "-v", "error",
                    "-i", master, "-map", "0", "-t", "2", "-f", "framecrc", "-"));
            Map<String, Long> perStream = frames.lines().filter(l -> !l.startsWith("#") && l.contains(","))
                    .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')).strip(), Collectors.counting()));
            assertThat(perStream).as("frames per output stream: %s", perStream).hasSize(4);
            assertThat(perStream.values()).allSatisfy(n -> assertThat(n).isGreaterThan(40));
        } finally {
            feeder.shutdownNow();
            feeder.awaitTermination(10, TimeUnit.SECONDS);
            broadcasts.close();
        }
        assertThat(r1.counters().droppedNonMonotonic()).isZero();
    }

    /** Pushes each rendition's samples once real time reaches them, after {@code headStart} seconds up front. */
    private static final class RealTimeFeed implements Runnable {
        private final List<HlsRendition> renditions;
        private final List<FfmpegSource.Media> media;
        private final double headStart;
        private final int[] next;
        private long startNanos = -1;

        RealTimeFeed(List<HlsRendition> renditions, List<FfmpegSource.Media> media, double headStart) {
            this.renditions = renditions;
            this.media = media;
            this.headStart = headStart;
            this.next = new int[renditions.size()];
        }

        @Override
        public void run() {
            if (startNanos < 0) {
                startNanos = System.nanoTime();
            }
            double now = headStart + (System.nanoTime() - startNanos) / 1e9;
            for (int i = 0; i < renditions.size(); i++) {
                List<FfmpegSource.Timed> samples = media.get(i).samples();
                while (next[i] < samples.size() && samples.get(next[i]).seconds() <= now) {
                    FfmpegSource.Timed t = samples.get(next[i]++);
                    if (t.video() != null) {
                        renditions.get(i).video(t.video());
                    } else {
                        renditions.get(i).audio(t.audio());
                    }
                }
                if (next[i] == samples.size()) {
                    renditions.get(i).close();
                }
            }
        }
    }
}
