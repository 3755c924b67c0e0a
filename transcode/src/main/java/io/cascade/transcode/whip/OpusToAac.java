// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.audio.AudioSource;
import io.cascade.transcode.audio.AudioTranscoder;
import io.cascade.transcode.media.Bitrate;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.InputCounters;
import java.util.List;

/**
 * A WebRTC publisher's Opus (RFC 7587: 48 kHz, up to stereo) to AAC-LC, which is what broadcast
 * sources send (RTMP and SRT cameras) and what the program, the ladder and HLS carry: 48 kHz,
 * {@link #BITRATE}, the publisher's channels up to two. The ladder's {@link AudioTranscoder}
 * does the work (FFmpeg's Opus decoder and AAC encoder through JavaCV), so timestamps behave as in
 * the ladder: the first decoded frame anchors a sample clock and each AAC frame's time is the
 * anchor plus the samples before it, continuous across small input gaps (a lost 20 ms packet
 * moves later audio at most 100 ms early before the clock re-anchors). The first frames come
 * 1024 samples before the first input (the encoder's priming).
 *
 * <p>Not thread-safe: one thread submits and closes.
 */
public final class OpusToAac implements AutoCloseable {
    /** AAC-LC at this rate: transparent for a browser's microphone, as the ladder's AAC. */
    public static final Bitrate BITRATE = Bitrate.kbps(128);
    public static final int SAMPLE_RATE = 48_000;

    /** Where the AAC goes. */
    public interface Output {
        /** The AudioSpecificConfig, once, before the first frame. */
        void config(byte[] audioSpecificConfig);

        /** One raw AAC frame at {@code ptsMicros}. */
        void frame(long ptsMicros, byte[] aac);
    }

    private final AudioTranscoder transcoder;
    private final InputCounters counters = new InputCounters();

    /** @param channels the publisher's channel count (rtpmap; Opus signals 2 whatever it sends) */
    public OpusToAac(int channels, Output out) {
        int ch = Math.max(1, Math.min(2, channels));
        this.transcoder = new AudioTranscoder(AudioSource.opus(null, ch),
                List.of(new AudioRendition("whip/aac", Codec.AAC, BITRATE, SAMPLE_RATE, ch)), new RenditionSink() {
                    @Override
                    public void config(OutputTrack output, CodecConfig config) {
                        out.config(config.record());
                    }

                    @Override
                    public void packet(OutputTrack output, EncodedPacket packet) {
                        out.frame(packet.ptsMicros(), packet.data());
                    }
                }, counters);
    }

    /** One Opus packet at {@code ptsMicros}. */
    public void opus(long ptsMicros, byte[] packet) {
        transcoder.submit(EncodedPacket.audio(ptsMicros, packet));
    }

    /** Opus packets that did not decode. */
    public long corruptPackets() {
        return counters.corruptPackets();
    }

    /** Frees the natives; what the encoder still holds (a frame or two) is dropped. */
    @Override
    public void close() {
        transcoder.close();
    }
}
