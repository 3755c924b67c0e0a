// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ffmpeg.NativeLedger;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.file.MkvRenditionSink;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.peer.Ffprobe;
import io.cascade.transcode.peer.RecordingSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ladder on a real clip: made by the ffmpeg CLI, demuxed and transcoded with JavaCV's
 * FFmpeg 8, written to Matroska, and checked by ffprobe 5.1.
 */
class LadderTranscoderFileTest {

    private static final long FORCE_AT_MICROS = 2_500_000;
    private static final List<String> VIDEO = List.of("video/720p", "video/480p", "video/360p");

    @TempDir
    static Path dir;
    static Path input;
    static MkvRenditionSink files;
    static RecordingSink sink;
    static TranscoderStats stats;
    static List<Long> inputVideoPts = new ArrayList<>();
    static List<OutputTrack> outputs;

    @BeforeAll
    static void transcodeClip() throws Exception {
        FfmpegCli.assumeInstalled();
        // 4.6 s: long enough for the IDR 2 s after the forced one (4.5 s), short for a 2-core machine.
        input = FfmpegCli.testClip(dir, "in.mp4", 1280, 720, 4.6, "mp4");
        files = new MkvRenditionSink(dir);
        sink = new RecordingSink(files);
        LadderConfig config = LadderConfig.defaults().withOverflow(OverflowPolicy.BLOCK, 8);
        try (FileDemuxer demuxer = FileDemuxer.open(input)) {
            LadderTranscoder t = LadderTranscoder.start(demuxer.source(), config, AudioRendition.defaults(), sink);
            boolean forced = false;
            EncodedPacket p;
            while ((p = demuxer.next()) != null) {
                if (p.type() == MediaType.VIDEO) {
                    inputVideoPts.add(p.ptsMicros());
                    if (!forced && p.ptsMicros() >= FORCE_AT_MICROS) {
                        t.forceKeyframe();
                        forced = true;
                    }
                }
                t.submit(p);
            }
            outputs = t.outputs();
            t.finish();
            stats = t.stats();
        } finally {
            files.close();
        }
    }

    @Test
    void aSourceOf720GetsThe720_480And360RungsAndNo1080() {
        assertThat(outputs).extracting(OutputTrack::name)
                .containsExactlyInAnyOrder("video/720p", "video/480p", "video/360p", "audio/aac", "audio/opus");
        assertThat(outputs).filteredOn(o -> o.name().startsWith("video/"))
                .extracting(o -> o.width() + "x" + o.height())
                .containsExactlyInAnyOrder("1280x720", "854x480", "640x360");
    }

    @Test
    void everyRenditionDecodesAtItsSizeWithEveryInputFrame() {
        int inputFrames = Ffprobe.videoFrames(input).size();
        assertThat(inputFrames).isEqualTo(138);
        Map<String, String> sizes = Map.of("video/720p", "1280x720", "video/480p", "854x480", "video/360p", "640x360");
        for (String name : VIDEO) {
            Path file = files.fileFor(name);
            assertThat(Ffprobe.decodeErrors(file)).as(name + " decodes cleanly").isEmpty();
            Map<String, String> s = Ffprobe.stream(file, "v", "width,height,codec_name");
            assertThat(s.get("width") + "x" + s.get("height")).as(name).isEqualTo(sizes.get(name));
            assertThat(s.get("codec_name")).isEqualTo("h264");
            assertThat(Ffprobe.videoFrames(file).size()).as(name + " frame count").isCloseTo(inputFrames, within(1));
        }
    }

    @Test
    void keyframesAreAlignedEveryTwoSecondsAndAtTheForcedPoint() {
        List<Double> reference = null;
        for (String name : VIDEO) {
            List<Double> keys = Ffprobe.videoFrames(files.fileFor(name)).stream().filter(Ffprobe.Frame::key)
                    .map(Ffprobe.Frame::ptsTime).toList();
            assertThat(keys).as(name + " keyframe times").containsExactly(0.0, 2.0, 2.5, 4.5);
            if (reference != null) {
                assertThat(keys).as(name + " aligned with the first rendition").isEqualTo(reference);
            }
            reference = keys;
        }
    }

    @Test
    void outputTimestampsAreTheInputTimestampsAndKeyPacketsCarrySpsAndPps() {
        for (String name : VIDEO) {
            List<EncodedPacket> packets = sink.packets(name);
            assertThat(packets).extracting(EncodedPacket::ptsMicros).as(name).containsExactlyElementsOf(inputVideoPts);
            assertThat(packets).filteredOn(EncodedPacket::keyframe).extracting(EncodedPacket::ptsMicros)
                    .containsExactly(0L, 2_000_000L, 2_500_000L, 4_500_000L);
            for (EncodedPacket key : packets.stream().filter(EncodedPacket::keyframe).toList()) {
                assertThat(nalTypes(key.data())).as(name + " IDR at " + key.ptsMicros()).contains(7, 8, 5);
            }
            assertThat(sink.configs(name)).as(name + " config announced once").hasSize(1);
        }
    }

    @Test
    void aacAndOpusOutputsDecodeAt48kHz() {
        for (String name : List.of("audio/aac", "audio/opus")) {
            Path file = files.fileFor(name);
            assertThat(Ffprobe.decodeErrors(file)).as(name).isEmpty();
            Map<String, String> s = Ffprobe.stream(file, "a", "sample_rate,codec_name");
            assertThat(s.get("sample_rate")).as(name).isEqualTo("48000");
            assertThat(s.get("codec_name")).isEqualTo(name.endsWith("aac") ? "aac" : "opus");
            List<EncodedPacket> packets = sink.packets(name);
            long last = packets.get(packets.size() - 1).ptsMicros();
            assertThat(last).as(name + " covers the clip").isGreaterThan(4_400_000L);
        }
    }

    @Test
    void nothingDroppedNothingCorruptAndEveryNativeObjectFreed() {
        assertThat(stats.corruptPackets()).isZero();
        assertThat(stats.droppedFrames()).isZero();
        assertThat(stats.decodedFrames()).isEqualTo(138);
        assertThat(stats.failure()).isNull();
        assertThat(NativeLedger.liveTotal()).as(NativeLedger.snapshot().toString()).isZero();
    }

    static List<Integer> nalTypes(byte[] annexB) {
        List<Integer> types = new ArrayList<>();
        io.cascade.transcode.h264.AnnexB.forEach(annexB, (b, off, len) -> types.add(b[off] & 0x1f));
        return types;
    }
}
