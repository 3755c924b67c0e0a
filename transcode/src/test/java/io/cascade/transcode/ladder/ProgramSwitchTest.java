// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.file.MkvRenditionSink;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.peer.Ffprobe;
import io.cascade.transcode.peer.RecordingSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the input manager does on a program switch: hand over the new program's config, ask for a
 * keyframe, and carry on with timestamps that continue the old program's. The output must switch
 * on an IDR at exactly that point, keep the timeline unbroken, and restart the 2 s cadence there.
 */
class ProgramSwitchTest {

    private static final long SWITCH_MICROS = 1_500_000;

    @TempDir
    Path dir;

    @Test
    void aProgramSwitchIsAnAlignedIdrOnAContinuousTimeline() throws Exception {
        FfmpegCli.assumeInstalled();
        Path first = FfmpegCli.testClip(dir, "a.mp4", 640, 360, 1.5, "mp4");
        Path second = dir.resolve("b.mp4");
        FfmpegCli.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "smptebars=size=640x360:rate=30", "-t", "2.5",
                "-c:v", "libx264", "-profile:v", "main", "-g", "30", "-bf", "0", "-pix_fmt", "yuv420p",
                second.toString());
        RecordingSink sink;
        List<Long> inputPts = new ArrayList<>();
        try (MkvRenditionSink files = new MkvRenditionSink(dir); FileDemuxer a = FileDemuxer.open(first);
                FileDemuxer b = FileDemuxer.open(second)) {
            sink = new RecordingSink(files);
            TranscodeSource programA = new TranscodeSource(a.videoSource(), null);
            LadderTranscoder t = LadderTranscoder.start(programA,
                    LadderConfig.defaults().withOverflow(OverflowPolicy.BLOCK, 8), AudioRendition.defaults(), sink);
            feed(t, a, 0, inputPts);
            t.videoConfig(b.videoSource().config());
            t.forceKeyframe();
            feed(t, b, SWITCH_MICROS, inputPts);
            t.finish();
            assertThat(t.stats().corruptPackets()).isZero();
        }
        List<EncodedPacket> out = sink.packets("video/360p");
        assertThat(out).extracting(EncodedPacket::ptsMicros).containsExactlyElementsOf(inputPts);
        assertThat(out).filteredOn(EncodedPacket::keyframe).extracting(EncodedPacket::ptsMicros)
                .containsExactly(0L, SWITCH_MICROS, SWITCH_MICROS + 2_000_000L);
        Path file = dir.resolve("video_360p.mkv");
        assertThat(Ffprobe.decodeErrors(file)).isEmpty();
        assertThat(Ffprobe.videoFrames(file)).hasSize(inputPts.size());
    }

    private static void feed(LadderTranscoder t, FileDemuxer demuxer, long offsetMicros, List<Long> pts)
            throws InterruptedException {
        EncodedPacket p;
        while ((p = demuxer.next()) != null) {
            if (p.type() == MediaType.VIDEO) {
                EncodedPacket shifted = new EncodedPacket(p.type(), p.ptsMicros() + offsetMicros,
                        p.dtsMicros() + offsetMicros, p.keyframe(), p.data());
                pts.add(shifted.ptsMicros());
                t.submit(shifted);
            }
        }
    }
}
