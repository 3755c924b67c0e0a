// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.rtcp.RtcpFormatException;
import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Fuzz target for a viewer's transport-cc feedback on its way into the estimator. Under
 * {@code mvn test} Jazzer replays {@code TransportFeedbackFuzzTestInputs/feedbackAgreesWithTheDecoder/};
 * with {@code JAZZER_FUZZ=1} it fuzzes. The bytes are one RTPFB FMT 15 body after 300 stamped
 * packets. Properties: nothing throws; the allocation-free walk accepts exactly what the strict
 * decoder ({@link TransportFeedback#decode}) accepts, and counts the rest as malformed; no packet
 * is acknowledged that was not sent, none twice; the estimate stays within its bounds.
 */
class TransportFeedbackFuzzTest {
    @FuzzTest
    void feedbackAgreesWithTheDecoder(byte[] data) {
        TransportCcSender sender = new TransportCcSender(3);
        for (int i = 0; i < 300; i++) {
            ByteBuf rtp = Unpooled.buffer(120, 128).writeByte(0x80).writeByte(96).writeShort(i).writeInt(0).writeInt(1);
            rtp.writeZero(100);
            sender.stamp(rtp, 1_000_000L + i * 1000L);
        }
        byte[] body = java.util.Arrays.copyOf(data, (data.length + 3) & ~3);
        boolean decodes;
        try {
            TransportFeedback.decode(Unpooled.wrappedBuffer(body));
            decodes = true;
        } catch (RtcpFormatException e) {
            decodes = false;
        }
        sender.onRtcp(TransportCcSenderTest.rtpfb15(body), 2_000_000);
        sender.onRtcp(TransportCcSenderTest.rtpfb15(body), 2_050_000); // the same again: nothing twice
        TransportCcStats s = sender.stats();
        assertThat(s.malformed()).isEqualTo(decodes ? 0 : 2);
        assertThat(s.feedback()).isEqualTo(decodes ? 2 : 0);
        assertThat(s.acknowledged()).isLessThanOrEqualTo(300);
        assertThat(s.acknowledged() + s.lost()).isLessThanOrEqualTo(600);
        int estimate = sender.estimateKbps(2_050_000);
        if (decodes) {
            assertThat(estimate).isBetween(50, 20_000);
        } else {
            assertThat(estimate).as("no valid feedback: no estimate").isZero();
        }
    }
}
