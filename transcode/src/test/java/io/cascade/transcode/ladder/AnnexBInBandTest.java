// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.h264.AnnexB;
import io.cascade.transcode.h264.H264Framing;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.peer.RecordingSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annex B input with SPS/PPS only in-band (MPEG-TS, which also starts its clock at 1.4 s): no
 * out-of-band config at all, and the output keeps the input's non-zero timestamps.
 */
class AnnexBInBandTest {

    @TempDir
    Path dir;

    @Test
    void annexBWithInBandParameterSetsAndAnOffsetClock() throws Exception {
        FfmpegCli.assumeInstalled();
        Path input = FfmpegCli.testClip(dir, "in.ts", 640, 360, 2.5, "mpegts");
        RecordingSink sink = new RecordingSink(RenditionSink.DISCARD);
        List<Long> inputPts = new ArrayList<>();
        List<OutputTrack> outputs;
        try (FileDemuxer demuxer = FileDemuxer.open(input)) {
            VideoSource inBandOnly = new VideoSource(H264Framing.annexB(), null, demuxer.videoSource().frameRate());
            LadderTranscoder t = LadderTranscoder.start(new TranscodeSource(inBandOnly, null),
                    LadderConfig.defaults().withOverflow(OverflowPolicy.BLOCK, 8), AudioRendition.defaults(), sink);
            EncodedPacket p;
            while ((p = demuxer.next()) != null) {
                if (p.type() == MediaType.VIDEO) {
                    assertThat(AnnexB.startsWithStartCode(p.data())).isTrue();
                    inputPts.add(p.ptsMicros());
                    t.submit(p);
                }
            }
            outputs = t.outputs();
            t.finish();
            assertThat(t.stats().corruptPackets()).isZero();
        }
        assertThat(outputs).extracting(OutputTrack::name).containsExactly("video/360p");
        assertThat(inputPts.get(0)).as("TS clock offset").isGreaterThan(1_000_000L);
        List<EncodedPacket> out = sink.packets("video/360p");
        assertThat(out).extracting(EncodedPacket::ptsMicros).containsExactlyElementsOf(inputPts);
        assertThat(out).filteredOn(EncodedPacket::keyframe).extracting(EncodedPacket::ptsMicros)
                .containsExactly(inputPts.get(0), inputPts.get(60));
    }
}
