// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The send side against synthetic feedback from {@link PathSimulation}. */
class TransportCcSenderTest {

    @Test
    void steadyDelayLetsTheEstimateGrow() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        path.sendKbps = 2500;
        path.run(10_000_000);
        TransportCcStats s = path.sender.stats();
        assertThat(s.malformed()).isZero();
        assertThat(s.unknown()).isZero();
        assertThat(s.acknowledged()).isBetween(s.stamped() - pendingAtMost(s), s.stamped());
        assertThat(s.ackedKbps()).isBetween(2300, 2700);
        assertThat(s.decreases()).isZero();
        assertThat(path.estimate()).as("grows from its start, up to 1.5 x the acknowledged rate")
                .isGreaterThan(TransportCcSender.START_KBPS).isLessThanOrEqualTo((int) (1.5 * 2700));
    }

    @Test
    void whileTheRelayHoldsTheViewerOnALowLayerTheEstimateMayGrowPastTheAckedBound() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        path.sendKbps = 500;
        path.senderLimited = true;
        path.run(15_000_000);
        PathSimulation bounded = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        bounded.sendKbps = 500;
        bounded.run(15_000_000);
        assertThat(bounded.estimate()).as("bounded: no growth past 1.5 x R_hat once R_hat is known")
                .isLessThanOrEqualTo((int) (TransportCcSender.START_KBPS * 1.08));
        assertThat(path.estimate()).as("sender-limited: it grows").isGreaterThan(2 * bounded.estimate());
    }

    @Test
    void risingDelayIsOveruseAndCutsTheEstimateToTheBottleneck() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        path.sendKbps = 2500;
        path.run(5_000_000);
        int before = path.estimate();
        path.capacityKbps = 1000; // the queue now grows by 1.5 Mbit every second
        path.run(3_000_000);
        TransportCcStats s = path.sender.stats();
        assertThat(s.decreases()).isPositive();
        assertThat(path.estimate()).as("0.85 x what arrived, about the bottleneck").isLessThan(1000).isLessThan(before);
        assertThat(path.estimate()).isGreaterThan(500);
    }

    @Test
    void reportedLossesAreCountedAndDoNotBreakTheEstimate() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        path.sendKbps = 2000;
        path.lossEvery = 10;
        path.run(5_000_000);
        TransportCcStats s = path.sender.stats();
        assertThat(s.lost()).isGreaterThan(s.stamped() / 12);
        assertThat(s.malformed()).isZero();
        assertThat(path.estimate()).isPositive();
    }

    @Test
    void theTransportSequenceWrapsAround() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID, 65_000));
        path.sendKbps = 2500;
        path.run(10_000_000); // ~2600 packets: across 65535 -> 0
        TransportCcStats s = path.sender.stats();
        assertThat(s.stamped()).isGreaterThan(600);
        assertThat(s.unknown()).isZero();
        assertThat(s.acknowledged()).isGreaterThanOrEqualTo(s.stamped() - pendingAtMost(s));
        assertThat(s.decreases()).isZero();
        assertThat(path.estimate()).isGreaterThan(TransportCcSender.START_KBPS);
    }

    @Test
    void theFeedbackReferenceTimeWrapsAround() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        // the viewer's clock is 3 reference units (192 ms) short of 2^23 units: its 24-bit field wraps
        path.receiverOffsetUs = ((1L << 23) - 3) * TransportFeedback.REFERENCE_US - path.nowUs;
        path.sendKbps = 2500;
        path.run(10_000_000);
        TransportCcStats s = path.sender.stats();
        assertThat(s.decreases()).as("no phantom delay jump at the wrap").isZero();
        assertThat(s.ackedKbps()).isBetween(2300, 2700);
        assertThat(path.estimate()).isGreaterThan(TransportCcSender.START_KBPS);
    }

    @Test
    void garbageFeedbackIsCountedAndIgnored() {
        TransportCcSender sender = new TransportCcSender(PathSimulation.ID);
        PathSimulation path = new PathSimulation(sender);
        path.run(2_000_000);
        TransportCcStats before = sender.stats();
        int estimate = sender.estimateKbps(path.nowUs);

        sender.onRtcp(rtpfb15(new byte[8]), path.nowUs); // shorter than the fixed 16 octets
        byte[] noStatus = new byte[16]; // packet status count 0
        sender.onRtcp(rtpfb15(noStatus), path.nowUs);
        byte[] reserved = fixed(100, 3);
        reserved[16] = (byte) 0x60; // run-length chunk of symbol 3
        reserved[17] = 3;
        sender.onRtcp(rtpfb15(reserved), path.nowUs);
        byte[] missingDeltas = fixed(100, 3);
        missingDeltas[16] = (byte) 0x40; // three large deltas announced, none there
        missingDeltas[17] = 3;
        sender.onRtcp(rtpfb15(missingDeltas), path.nowUs);
        byte[] missingChunks = fixed(100, 40); // 40 statuses, no chunk at all
        sender.onRtcp(rtpfb15(missingChunks), path.nowUs);

        TransportCcStats after = sender.stats();
        assertThat(after.malformed() - before.malformed()).isEqualTo(5);
        assertThat(after.feedback()).isEqualTo(before.feedback());
        assertThat(after.acknowledged()).isEqualTo(before.acknowledged());
        assertThat(sender.estimateKbps(path.nowUs)).isEqualTo(estimate);

        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[random.nextInt(0, 80) & ~3];
            random.nextBytes(body);
            sender.onRtcp(rtpfb15(body), path.nowUs); // never throws, whatever it says
        }
        assertThat(sender.stats().malformed()).isGreaterThan(after.malformed());
    }

    @Test
    void withoutFeedbackTheEstimateIsVoid() {
        PathSimulation path = new PathSimulation(new TransportCcSender(PathSimulation.ID));
        assertThat(path.estimate()).isZero();
        path.run(1_000_000);
        assertThat(path.estimate()).isPositive();
        assertThat(path.sender.estimateKbps(path.nowUs + TransportCcSender.FEEDBACK_TIMEOUT_US + 100_000)).isZero();
    }

    /** Packets of the last feedback interval are not yet reported when the run stops. */
    private static long pendingAtMost(TransportCcStats s) {
        return Math.min(s.stamped(), 40);
    }

    /** A feedback body's fixed part: base sequence and status count. */
    private static byte[] fixed(int base, int count) {
        byte[] b = new byte[20];
        b[8] = (byte) (base >> 8);
        b[9] = (byte) base;
        b[10] = (byte) (count >> 8);
        b[11] = (byte) count;
        return b;
    }

    /** An RTPFB FMT 15 packet around {@code body} (a multiple of 4 octets). */
    static ByteBuf rtpfb15(byte[] body) {
        ByteBuf b = Unpooled.buffer(4 + body.length);
        b.writeByte(0x80 | 15).writeByte(205).writeShort(body.length / 4);
        b.writeBytes(body);
        return b;
    }
}
