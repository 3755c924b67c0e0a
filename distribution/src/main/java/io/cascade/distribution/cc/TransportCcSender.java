// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import io.cascade.distribution.rtcp.RtcpCursor;
import io.netty.buffer.ByteBuf;

/**
 * Send-side transport-wide congestion control toward one viewer
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): every RTP packet we send it gets the
 * next transport-wide sequence number ({@link #stamp}) and goes into the {@link SendHistory}
 * with the time it was stamped; the viewer's feedback (RTPFB FMT 15, §3.1) is matched against
 * the history and drives a {@link DelayBasedEstimator}. {@link #estimateKbps} is what the relay
 * combines with its loss-based estimate to choose the viewer's simulcast layer.
 *
 * <p>Send time: taken when the packet is stamped, just before SRTP and the socket's queue; the
 * queue is flushed at the end of the receive batch, so a packet's true departure is later by up
 * to the rest of that batch's work (well under a millisecond on a loaded shard, and the same
 * for every packet of a batch, so it shows as jitter, not as a trend).
 *
 * <p>Feedback is hostile input: it is walked twice without allocation, first to check that its
 * chunks and deltas fit (a malformed one is counted and ignored as a whole), then to apply it.
 * Packets it reports that we do not remember are counted and skipped; a packet is acknowledged
 * once. The 24-bit reference time is unwrapped against the previous feedback's. Shard thread
 * only, except {@link #stats}.
 */
public final class TransportCcSender {
    /** Without feedback for this long the estimate is void and the relay falls back to loss. */
    public static final long FEEDBACK_TIMEOUT_US = 2_000_000;
    public static final int START_KBPS = 2500;

    private static final int RTPFB = 205;

    private final int extensionId;
    private final SendHistory history = new SendHistory();
    private final DelayBasedEstimator estimator = new DelayBasedEstimator(START_KBPS);
    private final RtcpCursor cursor = new RtcpCursor();
    private int nextSeq;
    private boolean senderLimited;
    private long lastFeedbackUs = Long.MIN_VALUE;
    private boolean haveReference;
    private int lastReference;
    private long referenceUnits;
    /** Walk state of the feedback being applied. */
    private int deltaAt;
    private long arrivalUs;
    private long stamped;
    private long unstamped;
    private long feedback;
    private long malformed;
    private long acknowledged;
    private long lost;
    private long unknown;
    private volatile TransportCcStats stats = TransportCcStats.NONE;

    /** @param extensionId the transport-wide-cc id the viewer negotiated, 1..14 (one-byte form) */
    public TransportCcSender(int extensionId) {
        this(extensionId, 0);
    }

    /** As {@link #TransportCcSender(int)}, numbering from {@code firstSequence} (tests of the wrap). */
    TransportCcSender(int extensionId, int firstSequence) {
        if (!TransportSequenceStamp.usableId(extensionId)) {
            throw new IllegalArgumentException("transport-cc extension id must be 1..14: " + extensionId);
        }
        this.extensionId = extensionId;
        this.nextSeq = firstSequence & 0xFFFF;
    }

    public int extensionId() {
        return extensionId;
    }

    /**
     * Gives the RTP packet in {@code packet} the next transport-wide sequence number and
     * remembers it as sent at {@code nowUs}. Its extension block must already be blank.
     *
     * @return the octets the packet grew by ({@link TransportSequenceStamp#write}), -1 if unstamped
     */
    public int stamp(ByteBuf packet, long nowUs) {
        int seq = nextSeq;
        int grew = TransportSequenceStamp.write(packet, extensionId, seq);
        if (grew < 0) {
            unstamped++;
            return -1;
        }
        nextSeq = (seq + 1) & 0xFFFF;
        history.sent(seq, nowUs, packet.readableBytes());
        stamped++;
        return grew;
    }

    /** The packet last stamped did not leave after all: its sequence number goes to the next one. */
    public void unsent() {
        int seq = (nextSeq - 1) & 0xFFFF;
        history.forget(seq);
        nextSeq = seq;
        stamped--;
    }

    /** Reads every transport-cc feedback in an (unprotected) RTCP compound from the viewer. */
    public void onRtcp(ByteBuf compound, long nowUs) {
        cursor.reset(compound);
        boolean any = false;
        while (cursor.next()) {
            if (cursor.packetType() == RTPFB && cursor.countOrFormat() == 15) {
                any |= onFeedback(compound, cursor.bodyOffset(), cursor.bodyLength());
            }
        }
        if (any) {
            lastFeedbackUs = nowUs;
            estimator.update(senderLimited, nowUs);
            publish();
        }
    }

    /**
     * One feedback body (from the packet sender SSRC on, padding excluded).
     *
     * @return whether it was applied
     */
    boolean onFeedback(ByteBuf buf, int body, int length) {
        if (length < 16 || buf.getUnsignedShort(body + 10) == 0) {
            malformed++;
            publish();
            return false;
        }
        int end = body + length;
        int deltas = walk(buf, body, end, false);
        if (deltas < 0) {
            malformed++;
            publish();
            return false;
        }
        int reference = buf.getMedium(body + 12);
        if (!haveReference) {
            haveReference = true;
            referenceUnits = reference;
        } else {
            referenceUnits += ((reference - lastReference) << 8) >> 8; // 24-bit wrap
        }
        lastReference = reference;
        deltaAt = deltas;
        arrivalUs = referenceUnits * 64_000;
        walk(buf, body, end, true);
        feedback++;
        return true;
    }

    /**
     * Walks the packet chunks (§3.1.3 run length, §3.1.4 status vector with one- or two-bit
     * symbols). Checking ({@code apply} false): returns where the deltas start, or -1 when the
     * chunks or the deltas they announce do not fit before {@code end}. Applying: hands each
     * status to {@link #status}.
     */
    private int walk(ByteBuf buf, int body, int end, boolean apply) {
        int base = buf.getUnsignedShort(body + 8);
        int count = buf.getUnsignedShort(body + 10);
        int p = body + 16;
        int n = 0;
        int deltaOctets = 0;
        while (n < count) {
            if (p + 2 > end) {
                return -1;
            }
            int chunk = buf.getUnsignedShort(p);
            p += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >> 13) & 0x3;
                if (symbol == 3) {
                    return -1;
                }
                int take = Math.min(chunk & 0x1FFF, count - n);
                if (apply) {
                    for (int k = 0; k < take; k++) {
                        status(buf, (base + n + k) & 0xFFFF, symbol);
                    }
                }
                deltaOctets += symbol * take;
                n += take;
            } else {
                boolean twoBit = (chunk & 0x4000) != 0;
                int symbols = twoBit ? 7 : 14;
                for (int k = 0; k < symbols && n < count; k++, n++) {
                    int symbol = twoBit ? (chunk >> (12 - 2 * k)) & 0x3 : (chunk >> (13 - k)) & 0x1;
                    if (symbol == 3) {
                        return -1;
                    }
                    if (apply) {
                        status(buf, (base + n) & 0xFFFF, symbol);
                    }
                    deltaOctets += symbol;
                }
            }
        }
        return p + deltaOctets <= end ? p : -1;
    }

    /** One packet's status: 0 not received, 1 or 2 received with a one- or two-octet delta. */
    private void status(ByteBuf buf, int seq, int symbol) {
        if (symbol == 0) {
            if (history.pending(seq)) {
                lost++;
            }
            return;
        }
        int delta = symbol == 1 ? buf.getUnsignedByte(deltaAt) : buf.getShort(deltaAt);
        deltaAt += symbol;
        arrivalUs += delta * 250L;
        if (!history.pending(seq)) {
            unknown++;
            return;
        }
        long sentUs = history.sentUs(seq);
        int octets = history.acknowledge(seq);
        acknowledged++;
        estimator.onPacket(sentUs, arrivalUs, octets);
    }

    /** The relay sends this viewer less than it could (a lower simulcast layer than the top one). */
    public void senderLimited(boolean limited) {
        this.senderLimited = limited;
    }

    /** The delay-based estimate, kbps, or 0 when no feedback came within {@link #FEEDBACK_TIMEOUT_US}. */
    public int estimateKbps(long nowUs) {
        if (lastFeedbackUs == Long.MIN_VALUE || nowUs - lastFeedbackUs > FEEDBACK_TIMEOUT_US) {
            return 0;
        }
        return (int) estimator.kbps();
    }

    /** The latest snapshot; any thread. */
    public TransportCcStats stats() {
        return stats;
    }

    private void publish() {
        stats = new TransportCcStats(stamped, unstamped, feedback, malformed, acknowledged, lost, unknown,
                (int) estimator.kbps(), estimator.ackedKbps(), estimator.signal().name(), estimator.decreases());
    }
}
