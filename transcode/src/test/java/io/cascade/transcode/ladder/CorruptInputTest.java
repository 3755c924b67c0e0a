// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ffmpeg.NativeLedger;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.peer.RecordingSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged packets in the middle of a stream are counted and dropped; every rendition keeps going. */
class CorruptInputTest {

    @TempDir
    Path dir;

    @Test
    void corruptPacketsAreCountedAndTheOutputContinues() throws Exception {
        FfmpegCli.assumeInstalled();
        Path input = FfmpegCli.testClip(dir, "in.mp4", 640, 360, 3, "mp4");
        RecordingSink sink = new RecordingSink(RenditionSink.DISCARD);
        Random random = new Random(42);
        List<Long> inputPts = new ArrayList<>();
        int video = 0;
        TranscoderStats stats;
        try (FileDemuxer demuxer = FileDemuxer.open(input)) {
            LadderTranscoder t = LadderTranscoder.start(demuxer.source(),
                    LadderConfig.defaults().withOverflow(OverflowPolicy.BLOCK, 8), AudioRendition.defaults(), sink);
            EncodedPacket p;
            while ((p = demuxer.next()) != null) {
                if (p.type() == MediaType.VIDEO) {
                    inputPts.add(p.ptsMicros());
                    p = damage(p, video++, random);
                }
                t.submit(p);
            }
            t.finish();
            stats = t.stats();
        }
        // 30: random bytes, 45: length prefix running past the end; both fail AVCC framing.
        // 60: a slice whose payload is noise; the decoder rejects or conceals it.
        assertThat(stats.corruptPackets()).isGreaterThanOrEqualTo(2);
        assertThat(stats.corruptPackets() + stats.concealedFrames()).isGreaterThanOrEqualTo(3);
        List<EncodedPacket> out = sink.packets("video/360p");
        assertThat(out.size()).as("frames encoded").isBetween(inputPts.size() - 3, inputPts.size());
        assertThat(out.get(out.size() - 1).ptsMicros()).as("output reaches the end").isEqualTo(
                inputPts.get(inputPts.size() - 1));
        assertThat(out.stream().filter(q -> q.ptsMicros() > inputPts.get(60)).count()).isGreaterThan(20);
        assertThat(NativeLedger.liveTotal()).isZero();
    }

    private static EncodedPacket damage(EncodedPacket p, int index, Random random) {
        byte[] data = p.data();
        switch (index) {
            case 30 -> {
                data = new byte[data.length];
                random.nextBytes(data);
                data[0] = (byte) 0x7f;
            }
            case 45 -> data = Arrays.copyOf(data, data.length / 2);
            case 60 -> {
                data = data.clone();
                for (int i = 8; i < data.length; i++) {
                    data[i] = (byte) random.nextInt();
                }
            }
            default -> {
                return p;
            }
        }
        return new EncodedPacket(p.type(), p.ptsMicros(), p.dtsMicros(), p.keyframe(), data);
    }
}
