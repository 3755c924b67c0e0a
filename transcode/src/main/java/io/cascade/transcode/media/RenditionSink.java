// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

/**
 * Where a transcoder delivers its outputs.
 *
 * <p>Threading: each output is produced by one thread (one encoder thread per video rendition, the
 * submitting thread for audio), so calls for one {@link OutputTrack} arrive in order from one
 * thread, but calls for different outputs arrive concurrently. Implementations must be
 * thread-safe across outputs and must not block for long: a slow sink stalls that rendition's
 * encoder and, once its queue is full, makes it drop frames.
 *
 * <p>Video packets are H.264 Annex B; every IDR packet carries its SPS and PPS in-band, so a
 * packet stream can be cut at any keyframe. {@link #config} still carries the same parameter sets
 * as an AVCDecoderConfigurationRecord for containers that want them out of band (fMP4).
 */
public interface RenditionSink {

    /** The decoder config of {@code output}: before its first packet, and again whenever it changes. */
    void config(OutputTrack output, CodecConfig config);

    /** One encoded packet of {@code output}; the sink owns {@code packet.data()} from now on. */
    void packet(OutputTrack output, EncodedPacket packet);

    /** A sink that drops everything: for benchmarks and for an output nobody reads yet. */
    RenditionSink DISCARD = new RenditionSink() {
        @Override
        public void config(OutputTrack output, CodecConfig config) {
        }

        @Override
        public void packet(OutputTrack output, EncodedPacket packet) {
        }
    };
}
