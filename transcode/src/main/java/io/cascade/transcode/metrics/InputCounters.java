// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what a transcoder was given. Written by the submitting thread, read by anyone.
 * A corrupt packet is one the framing parser or the decoder rejected (it is dropped and decoding
 * goes on); a concealed frame is one the decoder produced while hiding damage (it is encoded).
 */
public final class InputCounters {

    private final AtomicLong videoPackets = new AtomicLong();
    private final AtomicLong audioPackets = new AtomicLong();
    private final AtomicLong corruptPackets = new AtomicLong();
    private final AtomicLong concealedFrames = new AtomicLong();
    private final AtomicLong decodedFrames = new AtomicLong();
    private final AtomicLong ignoredPackets = new AtomicLong();

    public void videoPacket() {
        videoPackets.incrementAndGet();
    }

    public void audioPacket() {
        audioPackets.incrementAndGet();
    }

    public void corrupt() {
        corruptPackets.incrementAndGet();
    }

    public void concealed() {
        concealedFrames.incrementAndGet();
    }

    public void decoded() {
        decodedFrames.incrementAndGet();
    }

    /** A packet for a media type the transcoder has no source for. */
    public void ignored() {
        ignoredPackets.incrementAndGet();
    }

    public long videoPackets() {
        return videoPackets.get();
    }

    public long audioPackets() {
        return audioPackets.get();
    }

    public long corruptPackets() {
        return corruptPackets.get();
    }

    public long concealedFrames() {
        return concealedFrames.get();
    }

    public long decodedFrames() {
        return decodedFrames.get();
    }

    public long ignoredPackets() {
        return ignoredPackets.get();
    }
}
