// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode;

import io.cascade.transcode.h264.MalformedH264Exception;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import java.util.List;

/**
 * One broadcast's encoded media in, its renditions out (to the sink given at creation).
 *
 * <p>Threading: one input thread calls {@link #submit} and {@link #videoConfig};
 * {@link #forceKeyframe}, {@link #outputs} and {@link #stats} may be called from any thread;
 * {@link #finish} or {@link #close} end it, from any thread, once.
 */
public interface Transcoder extends AutoCloseable {

    /**
     * Feeds one packet. Decoding happens on the calling thread; encoding on the transcoder's own.
     * A malformed packet is counted and dropped, never thrown. May block when the ladder's
     * overflow policy is BLOCK and an encoder is behind.
     *
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     */
    void submit(EncodedPacket packet) throws InterruptedException;

    /** New out-of-band H.264 config (AVCDecoderConfigurationRecord or Annex B SPS/PPS), e.g. after a program switch. */
    void videoConfig(byte[] config) throws MalformedH264Exception;

    /**
     * Makes every rendition start a new GOP, aligned: the first picture presented at or after the
     * next video packet submitted becomes an IDR in all renditions. The input manager calls it on
     * every program switch, just before the new program's first packet.
     */
    void forceKeyframe();

    /** The outputs, once known (video renditions are sized from the first decoded picture). */
    List<OutputTrack> outputs();

    TranscoderStats stats();

    /** Encodes everything submitted so far, flushes every encoder, then frees the natives. */
    void finish() throws InterruptedException;

    /** Stops now, dropping what is queued, and frees the natives. Idempotent. */
    @Override
    void close();
}
