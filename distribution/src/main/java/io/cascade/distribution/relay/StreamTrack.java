// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtp.RtpSequence;
import io.cascade.distribution.rtp.SequenceTracker;

/**
 * One logical track of a stream (its video, its audio) and the state about its current source:
 * sequence tracking and loss (RFC 3550 A.1/A.3), the retransmission cache, missing packets to
 * NACK, the keyframe throttle, the last sender report. When the source changes (an upstream
 * failover) the track keeps its index, so subscribers' outputs carry on, and the source state
 * starts over.
 */
final class StreamTrack {
    final int index;
    TrackSpec spec;
    final RetransmissionCache cache;
    final NackScheduler nacks;
    final KeyframeRequestThrottle keyframes;

    SequenceTracker tracker;
    int highestSeq = -1;
    long packets;
    long bytes;
    long lastPacketMs;
    /** Middle 32 bits of the last SR's NTP timestamp and when it came (for RR's LSR/DLSR). */
    int lastSrNtpMiddle;
    long lastSrArrivalMs;
    /**
     * The source's last SR (RFC 3550 §6.4.1): its NTP timestamp and the RTP timestamp of the same
     * instant, in the source's space. Subscribers get it translated into theirs ({@link Reports}).
     */
    boolean srKnown;
    long lastSrNtp;
    int lastSrRtp;
    /** Packets that came again (retransmissions we asked for, or duplicates). */
    long duplicates;

    /**
     * Cache slot sizes: a video slot takes the largest datagram the fan-out gathers (1232, an
     * IPv6-safe payload that holds the usual 1200-octet WebRTC packet); an audio slot an Opus
     * packet up to about 140 kbit/s in 20 ms frames. Longer packets are cached on their own.
     * Audio keeps at most 256 packets: 5 s at 50 packets a second, more than any cache age
     * worth resending (default 2 s), where 1024 would hold 20 s.
     */
    static final int VIDEO_CACHE_STRIDE = SegmentBatcher.MAX_SEGMENT;
    static final int AUDIO_CACHE_STRIDE = 384;
    static final int AUDIO_CACHE_PACKETS = 256;

    StreamTrack(int index, TrackSpec spec, RelayConfig config) {
        this.index = index;
        this.spec = spec;
        boolean audio = spec.kind() == MediaKind.AUDIO;
        this.cache = new RetransmissionCache(audio ? Math.min(config.cachePackets(), AUDIO_CACHE_PACKETS) : config.cachePackets(),
                config.cacheAge().toMillis(), audio ? AUDIO_CACHE_STRIDE : VIDEO_CACHE_STRIDE);
        this.nacks = new NackScheduler(config.nackRetryInterval().toMillis(), config.nackRetries());
        this.keyframes = new KeyframeRequestThrottle(config.keyframeInterval().toMillis());
    }

    /**
     * Updates sequence state for an arriving packet.
     *
     * @return true when the packet is new (forward it), false when it is a duplicate
     */
    boolean onSequence(int seq, long nowMs) {
        lastPacketMs = nowMs;
        if (tracker == null) {
            tracker = new SequenceTracker(seq, 1);
            tracker.update(seq);
            highestSeq = seq;
            return true;
        }
        tracker.update(seq);
        if (RtpSequence.isNewer(seq, highestSeq)) {
            int expected = RtpSequence.next(highestSeq);
            if (seq != expected && spec.nack()) {
                nacks.addGap(expected, RtpSequence.add(seq, -1), nowMs);
            }
            highestSeq = seq;
            return true;
        }
        if (cache.contains(seq)) {
            duplicates++;
            return false;
        }
        nacks.arrived(seq); // a late or retransmitted packet we were missing
        return true;
    }

    /** A new source takes over this track: forget everything about the old one. */
    void resetSource(TrackSpec newSpec) {
        spec = newSpec;
        tracker = null;
        highestSeq = -1;
        cache.clear();
        nacks.clear();
        lastSrArrivalMs = 0;
        srKnown = false;
    }

    /** Remembers a sender report of the current source. */
    void senderReport(long ntp, int rtp, long nowMs) {
        lastSrNtpMiddle = (int) (ntp >>> 16); // LSR: the middle 32 bits of the NTP timestamp
        lastSrArrivalMs = nowMs;
        lastSrNtp = ntp;
        lastSrRtp = rtp;
        srKnown = true;
    }
}
