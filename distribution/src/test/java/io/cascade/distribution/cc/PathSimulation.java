// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic path for the estimator: a video sender at a set rate (30 frames a second of
 * 1200-octet packets), a bottleneck of a set capacity with a FIFO queue, a base delay, a loss
 * pattern, and a viewer that reports arrivals in its own clock every 50 ms as transport-cc
 * feedback built with our {@link TransportFeedback} writer. Time is simulated; nothing sleeps.
 */
final class PathSimulation {
    static final int ID = 5;
    static final long FRAME_US = 33_333;
    static final long FEEDBACK_US = 50_000;
    static final long BASE_DELAY_US = 20_000;

    final TransportCcSender sender;
    double sendKbps = 2000;
    double capacityKbps = 100_000;
    /** Every n-th packet is lost (0: none). */
    int lossEvery;
    /** The viewer's clock minus ours. */
    long receiverOffsetUs;
    boolean senderLimited;
    long nowUs = 1_000_000;
    private long queueFreeUs;
    private long nextFeedbackUs = nowUs + FEEDBACK_US;
    private int feedbackCount;
    private final List<long[]> reports = new ArrayList<>(); // {seq, arrival in the viewer's clock or -1}
    private long packets;

    PathSimulation(TransportCcSender sender) {
        this.sender = sender;
    }

    /** Runs for {@code us} of simulated time. */
    void run(long us) {
        long until = nowUs + us;
        while (nowUs < until) {
            int octets = (int) (sendKbps * 1000 / 8 * FRAME_US / 1_000_000);
            int count = Math.max(1, (octets + 1199) / 1200);
            for (int i = 0; i < count; i++) {
                send(nowUs + i * 100L, 1200);
            }
            long next = nowUs + FRAME_US;
            while (nextFeedbackUs <= next) {
                feedback(nextFeedbackUs);
                nextFeedbackUs += FEEDBACK_US;
            }
            nowUs = next;
        }
    }

    private void send(long sendUs, int size) {
        ByteBuf rtp = Unpooled.buffer(size + 8, size + 8);
        rtp.writeByte(0x90).writeByte(96).writeShort(1).writeInt(2).writeInt(3).writeShort(0xBEDE).writeShort(1).writeInt(0);
        rtp.writeZero(size - rtp.writerIndex());
        sender.stamp(rtp, sendUs);
        int seq = rtp.getUnsignedShort(17);
        long start = Math.max(sendUs, queueFreeUs);
        queueFreeUs = start + (long) (size * 8 * 1000 / capacityKbps);
        boolean lost = lossEvery > 0 && ++packets % lossEvery == 0;
        reports.add(new long[] {seq, lost ? -1 : queueFreeUs + BASE_DELAY_US + receiverOffsetUs});
    }

    /** The viewer reports what arrived by {@code atUs} (our clock), as one feedback. */
    private void feedback(long atUs) {
        List<long[]> due = new ArrayList<>();
        while (!reports.isEmpty() && (reports.getFirst()[1] < 0 || reports.getFirst()[1] - receiverOffsetUs <= atUs)) {
            due.add(reports.removeFirst());
        }
        long firstArrival = due.stream().mapToLong(r -> r[1]).filter(a -> a >= 0).min().orElse(-1);
        if (firstArrival < 0) {
            return;
        }
        long units = Math.floorDiv(firstArrival, TransportFeedback.REFERENCE_US);
        long previous = units * TransportFeedback.REFERENCE_US;
        byte[] symbols = new byte[due.size()];
        int[] deltas = new int[due.size()];
        int received = 0;
        for (int i = 0; i < due.size(); i++) {
            long arrival = due.get(i)[1];
            if (arrival < 0) {
                continue;
            }
            int delta = (int) Math.floorDiv(arrival - previous, TransportFeedback.DELTA_US);
            symbols[i] = (byte) (delta >= 0 && delta <= 255 ? 1 : 2);
            deltas[received++] = delta;
            previous += delta * (long) TransportFeedback.DELTA_US;
        }
        int reference = (int) (units & 0xFFFFFF) << 8 >> 8;
        TransportFeedback fb = new TransportFeedback(1, 2, (int) due.getFirst()[0], reference, feedbackCount++ & 0xFF,
                symbols, java.util.Arrays.copyOf(deltas, received));
        ByteBuf out = Unpooled.buffer(fb.encodedLength());
        fb.encode(out);
        sender.senderLimited(senderLimited);
        sender.onRtcp(out, atUs + BASE_DELAY_US);
    }

    int estimate() {
        return sender.estimateKbps(nowUs);
    }
}
