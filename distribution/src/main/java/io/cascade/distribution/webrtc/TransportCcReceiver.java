// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;

/**
 * The receive side of transport-wide congestion control for one publisher's transport
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): notes when each transport-wide sequence
 * number arrived and reports them back every few tens of milliseconds, so the browser's
 * congestion controller can estimate the uplink and raise its bitrate. Without this feedback a
 * sender that negotiated transport-cc stays near its start bitrate.
 *
 * <p>State is a ring of the last {@value #WINDOW} sequence numbers; nothing is allocated per
 * packet. Arrivals older than what was already reported are ignored (they were reported lost;
 * the sender's estimator copes). Shard thread only.
 */
final class TransportCcReceiver {
    static final int WINDOW = 1024;
    /** A feedback describes at most this many sequence numbers; the rest waits for the next. */
    static final int MAX_PER_FEEDBACK = 512;

    private final long[] seqAt = new long[WINDOW];
    private final long[] arrivalUs = new long[WINDOW];
    private long highest = -1;
    /** The first extended sequence number not yet reported, or -1 before the first packet. */
    private long nextBase = -1;
    private int feedbackCount;

    TransportCcReceiver() {
        java.util.Arrays.fill(seqAt, -1);
    }

    /** One packet with transport-wide sequence number {@code seq} (16 bits) arrived. */
    void onPacket(int seq, long nowUs) {
        long ext = extend(seq);
        if (ext < 0 || (nextBase >= 0 && ext < nextBase)) {
            return;
        }
        if (nextBase < 0) {
            nextBase = ext;
        }
        int slot = (int) (ext & (WINDOW - 1));
        seqAt[slot] = ext;
        arrivalUs[slot] = nowUs;
        if (ext > highest) {
            highest = ext;
        }
        if (highest - nextBase >= WINDOW) {
            nextBase = highest - WINDOW + 1; // too far behind: what fell out of the ring is lost to us
        }
    }

    /** RFC 3550 A.1-style unwrap of a 16-bit number against the highest seen. */
    private long extend(int seq) {
        if (highest < 0) {
            return seq;
        }
        long cycle = highest & ~0xFFFFL;
        long candidate = cycle | seq;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }

    /**
     * The feedback for everything received since the last one, or null when nothing new arrived.
     * Starts at the first unreported sequence number whether or not it arrived, ends at the
     * highest received; a gap between two arrivals too wide for a signed 16-bit delta ends it early.
     */
    TransportFeedback feedback(int senderSsrc, int mediaSsrc) {
        if (nextBase < 0 || highest < nextBase) {
            return null;
        }
        int count = (int) Math.min(highest - nextBase + 1, MAX_PER_FEEDBACK);
        byte[] symbols = new byte[count];
        int[] deltas = new int[count];
        int received = 0;
        long referenceUnits = -1;
        long previousUs = 0;
        int used = count;
        for (int i = 0; i < count; i++) {
            long ext = nextBase + i;
            int slot = (int) (ext & (WINDOW - 1));
            if (seqAt[slot] != ext) {
                continue; // symbol 0: not received
            }
            long at = arrivalUs[slot];
            if (referenceUnits < 0) {
                referenceUnits = Math.floorDiv(at, TransportFeedback.REFERENCE_US);
                previousUs = referenceUnits * TransportFeedback.REFERENCE_US;
            }
            long delta = Math.floorDiv(at - previousUs, TransportFeedback.DELTA_US);
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                used = i; // report up to here; this one starts the next feedback
                break;
            }
            symbols[i] = (byte) (delta >= 0 && delta <= 0xFF ? TransportFeedback.SMALL_DELTA : TransportFeedback.LARGE_DELTA);
            deltas[received++] = (int) delta;
            previousUs += delta * TransportFeedback.DELTA_US;
        }
        if (used == 0 || received == 0) {
            return null;
        }
        TransportFeedback fb = new TransportFeedback(senderSsrc, mediaSsrc, (int) (nextBase & 0xFFFF),
                (int) (referenceUnits & 0xFFFFFF) << 8 >> 8, feedbackCount, java.util.Arrays.copyOf(symbols, used),
                java.util.Arrays.copyOf(deltas, received));
        feedbackCount = (feedbackCount + 1) & 0xFF;
        nextBase += used;
        return fb;
    }

    /** Reads the transport-wide sequence number from an RTP packet's header extension, or -1. */
    static int transportSequence(ByteBuf rtp, int extensionId) {
        int at = rtp.readerIndex();
        int end = rtp.writerIndex();
        if (end - at < 12 || (rtp.getUnsignedByte(at) & 0x10) == 0) {
            return -1;
        }
        int ext = at + 12 + 4 * (rtp.getUnsignedByte(at) & 0x0F);
        if (ext + 4 > end) {
            return -1;
        }
        int profile = rtp.getUnsignedShort(ext);
        int stop = ext + 4 + 4 * rtp.getUnsignedShort(ext + 2);
        if (stop > end) {
            return -1;
        }
        int p = ext + 4;
        if (profile == 0xBEDE) { // RFC 8285 §4.2: one-byte headers
            while (p < stop) {
                int b = rtp.getUnsignedByte(p);
                if (b == 0) {
                    p++;
                    continue;
                }
                int id = b >> 4;
                int len = (b & 0x0F) + 1;
                if (id == 15) {
                    return -1;
                }
                if (id == extensionId) {
                    return len >= 2 && p + 3 <= stop ? rtp.getUnsignedShort(p + 1) : -1;
                }
                p += 1 + len;
            }
        } else if ((profile & 0xFFF0) == 0x1000) { // §4.3: two-byte headers
            while (p + 1 < stop) {
                int id = rtp.getUnsignedByte(p);
                if (id == 0) {
                    p++;
                    continue;
                }
                int len = rtp.getUnsignedByte(p + 1);
                if (id == extensionId) {
                    return len >= 2 && p + 4 <= stop ? rtp.getUnsignedShort(p + 2) : -1;
                }
                p += 2 + len;
            }
        }
        return -1;
    }
}
