// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.ffmpeg.NativeLedger;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.file.MkvRenditionSink;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.LadderTranscoder;
import io.cascade.transcode.ladder.TranscodeSource;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.peer.Ffprobe;
import io.cascade.transcode.peer.RecordingSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio sources other than 48 kHz AAC: Opus in (decoded, then re-encoded to both outputs) and
 * 44.1 kHz stereo AAC (resampled to 48 kHz). Audio-only sources need no video.
 */
class AudioOnlySourceTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} Hz {2} ch")
    @CsvSource({"libopus, 48000, 2, matroska, OPUS", "aac, 44100, 2, mp4, AAC"})
    void anAudioOnlySourceGetsAacAndOpusAt48kHz(String encoder, int rate, int channels, String container,
            Codec expectedInput) throws Exception {
        FfmpegCli.assumeInstalled();
        Path input = dir.resolve("in." + container);
        FfmpegCli.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + rate,
                "-t", "2", "-ac", Integer.toString(channels), "-c:a", encoder, "-f", container, input.toString());
        RecordingSink sink;
        List<OutputTrack> outputs;
        long firstInputPts;
        try (MkvRenditionSink files = new MkvRenditionSink(dir); FileDemuxer demuxer = FileDemuxer.open(input)) {
            TranscodeSource source = demuxer.source();
            assertThat(source.video()).isNull();
            assertThat(source.audio().codec()).isEqualTo(expectedInput);
            sink = new RecordingSink(files);
            LadderTranscoder t = LadderTranscoder.start(source, LadderConfig.defaults(), AudioRendition.defaults(),
                    sink);
            EncodedPacket p = demuxer.next();
            firstInputPts = p.ptsMicros();
            for (; p != null; p = demuxer.next()) {
                t.submit(p);
            }
            outputs = t.outputs();
            t.finish();
            assertThat(t.stats().corruptPackets()).isZero();
        }
        assertThat(outputs).extracting(OutputTrack::name).containsExactly("audio/aac", "audio/opus");
        assertThat(outputs).allSatisfy(o -> assertThat(o.channels()).isEqualTo(channels));
        for (OutputTrack o : outputs) {
            Path file = dir.resolve(o.name().replace('/', '_') + ".mkv");
            assertThat(Ffprobe.decodeErrors(file)).as(o.name()).isEmpty();
            Map<String, String> s = Ffprobe.stream(file, "a", "sample_rate,channels");
            assertThat(s).containsEntry("sample_rate", "48000").containsEntry("channels", Integer.toString(channels));
            List<EncodedPacket> packets = sink.packets(o.name());
            // Priming: the first packet starts one encoder delay before the first input sample.
            assertThat(packets.get(0).ptsMicros()).isBetween(firstInputPts - 30_000, firstInputPts);
            assertThat(packets.get(packets.size() - 1).ptsMicros()).isGreaterThan(firstInputPts + 1_900_000);
        }
        assertThat(NativeLedger.liveTotal()).isZero();
    }
}
