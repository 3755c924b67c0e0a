// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ffmpeg.NativeLedger;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.media.Bitrate;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.peer.FfmpegCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 transcoders started and stopped with tiny pictures, half finished cleanly and half closed
 * mid-stream: every native object comes back (the ledger returns to zero each time), no encoder
 * thread outlives its transcoder, and resident memory stops growing once warmed up.
 *
 * <p>The RSS bound is loose on purpose: after warm-up, glibc arenas and the JIT still add a few
 * MB over 80 cycles (measured: ~6 MB, flattening out), while leaking the encoders alone would
 * cost 160 x264 instances with their threads. A GC runs before each reading so JavaCPP's
 * GC-released structs (AVRational, AVChannelLayout) are not counted as growth.
 */
class StartStopCycleTest {

    private static final int CYCLES = 100;
    private static final int WARM_UP = 20;
    private static final long MAX_RSS_GROWTH_KB = 32 * 1024;

    @TempDir
    Path dir;

    @Test
    void hundredStartStopCyclesGiveEveryNativeObjectBack() throws Exception {
        FfmpegCli.assumeInstalled();
        Path input = FfmpegCli.testClip(dir, "tiny.mp4", 64, 48, 0.5, "mp4");
        List<EncodedPacket> packets = new ArrayList<>();
        TranscodeSource source;
        try (FileDemuxer demuxer = FileDemuxer.open(input)) {
            source = demuxer.source();
            EncodedPacket p;
            while ((p = demuxer.next()) != null) {
                packets.add(p);
            }
        }
        LadderConfig config = LadderConfig.defaults().withRenditions(List.of(
                Rendition.of("48p", 48, Bitrate.kbps(200), H264Profile.MAIN),
                Rendition.of("24p", 24, Bitrate.kbps(100), H264Profile.MAIN)));
        long warmRss = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            LadderTranscoder t = LadderTranscoder.start(source, config, AudioRendition.defaults(),
                    RenditionSink.DISCARD);
            boolean clean = cycle % 2 == 0;
            int feed = clean ? packets.size() : packets.size() / 2;
            for (int i = 0; i < feed; i++) {
                t.submit(packets.get(i));
            }
            if (clean) {
                t.finish();
                assertThat(t.stats().outputs()).hasSize(4);
            } else {
                t.close();
            }
            assertThat(NativeLedger.liveTotal()).as("cycle " + cycle + ": " + NativeLedger.snapshot()).isZero();
            assertThat(encoderThreads()).as("cycle " + cycle).isZero();
            if (cycle == WARM_UP) {
                warmRss = rssKb();
            }
        }
        long growth = rssKb() - warmRss;
        assertThat(growth).as("RSS growth over %d cycles after warm-up, KiB", CYCLES - WARM_UP)
                .isLessThan(MAX_RSS_GROWTH_KB);
    }

    private static long encoderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("transcode-") && th.isAlive()).count();
    }

    private static long rssKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
