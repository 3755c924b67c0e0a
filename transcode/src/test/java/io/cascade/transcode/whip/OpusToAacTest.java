// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.cascade.distribution.payload.OpusFrame;
import io.cascade.distribution.payload.OpusPacketizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Decoder;
import io.cascade.transcode.ffmpeg.Frames;
import io.cascade.transcode.ffmpeg.NativeLedger;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.peer.FfmpegCli;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser's audio path with real codecs: libopus packets (made by the ffmpeg CLI) as RTP, with a
 * loss and the 32-bit timestamp wrapping, through the bridge to AAC-LC, which FFmpeg's AAC decoder
 * (JavaCV) then decodes without an error.
 */
class OpusToAacTest {
    @TempDir
    Path dir;

    @Test
    void opusRtpBecomesDecodableAacWithContinuousTimestamps() throws Exception {
        FfmpegCli.assumeInstalled();
        Path opus = dir.resolve("mic.mkv");
        FfmpegCli.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2",
                "-ac", "1", "-c:a", "libopus", "-b:a", "48k", "-f", "matroska", opus.toString());
        List<EncodedPacket> input = new ArrayList<>();
        try (FileDemuxer demuxer = FileDemuxer.open(opus)) {
            assertThat(demuxer.audioSource().codec()).isEqualTo(Codec.OPUS);
            for (EncodedPacket p = demuxer.next(); p != null; p = demuxer.next()) {
                input.add(p);
            }
        }
        assertThat(input).hasSizeGreaterThan(90); // 20 ms packets

        WhipSourceBridgeTest.RecordingSink sink = new WhipSourceBridgeTest.RecordingSink();
        WhipSourceBridge bridge = new WhipSourceBridge(WhipSourceBridgeTest.FORMATS, sink, () -> 1_000_000L, t -> { });
        OpusPacketizer packets = new OpusPacketizer(PacketizerConfig.of(111, 0x77, 100));
        int origin = (int) 0xFFFF_0000L; // wraps after about 1.4 s
        for (int i = 0; i < input.size(); i++) {
            EncodedPacket p = input.get(i);
            List<byte[]> rtp = packets.packetize(new OpusFrame(origin + (int) (p.ptsMicros() * 48 / 1000), p.data()));
            if (i != 40) { // lost
                rtp.forEach(packet -> bridge.rtp(0, ByteBuffer.wrap(packet)));
            }
        }
        bridge.close();

        assertThat(HexFormat.of().formatHex(sink.asc)).as("AAC-LC, 48 kHz, mono").startsWith("1188");
        assertThat(sink.audio).hasSizeGreaterThan(85);
        long first = sink.audio.getFirst()[0];
        assertThat(first).as("one priming frame before the first input").isBetween(RtpMediaClock.START_MS - 30,
                RtpMediaClock.START_MS);
        for (int i = 1; i < sink.audio.size(); i++) {
            long step = sink.audio.get(i)[0] - sink.audio.get(i - 1)[0];
            assertThat(step).as("step %d", i).isBetween(21L, 22L); // 1024 samples at 48 kHz: 21.33 ms
        }
        assertThat(bridge.stats().audio().packetsLost()).isEqualTo(1);
        assertThat(bridge.stats().audioErrors()).isZero();

        long samples = 0;
        int errors = 0;
        Decoder aac = Decoder.open(AV_CODEC_ID_AAC, sink.asc, 48_000, 1, 1);
        AVFrame frame = Frames.alloc();
        try {
            for (int i = 0; i < sink.aac.size(); i++) {
                byte[] data = sink.aac.get(i);
                if (aac.send(data, data.length, i * 21_333L, i * 21_333L, true) < 0) {
                    errors++;
                }
                int r;
                while ((r = aac.receive(frame)) == 0) {
                    samples += frame.nb_samples();
                    assertThat(frame.sample_rate()).isEqualTo(48_000);
                    av_frame_unref(frame);
                }
                if (r != AvErrors.EAGAIN) {
                    errors++;
                }
            }
        } finally {
            aac.close();
            Frames.free(frame);
        }
        assertThat(errors).isZero();
        assertThat(samples).as("about 2 s of audio, less the lost packet and the encoder's tail")
                .isBetween(2 * 48_000L - 4096, 2 * 48_000L + 1024);
        assertThat(NativeLedger.liveTotal()).isZero();
    }
}
