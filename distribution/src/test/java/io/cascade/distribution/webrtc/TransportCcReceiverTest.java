// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TransportCcReceiverTest {
    private static final long T0 = 1_000_000_000L; // µs

    @Test
    void reportsArrivalsAndLossesOnceEach() {
        TransportCcReceiver r = new TransportCcReceiver();
        r.onPacket(10, T0);
        r.onPacket(11, T0 + 1000);
        r.onPacket(13, T0 + 100_000); // 12 lost; 13 comes 99 ms after 11: a large delta
        TransportFeedback fb = r.feedback(1, 2);
        assertThat(fb.baseSequence()).isEqualTo(10);
        assertThat(fb.symbols()).containsExactly(1, 1, 0, 2);
        long reference = fb.referenceTime() * 64_000L;
        assertThat(reference + fb.deltas()[0] * 250L).isEqualTo(T0 - T0 % 250); // T0 is a multiple of 250 µs
        assertThat(fb.deltas()[1]).isEqualTo(4);
        assertThat(fb.deltas()[2]).isEqualTo(396);
        assertThat(r.feedback(1, 2)).as("nothing new").isNull();

        r.onPacket(12, T0 + 120_000); // too late: already reported lost
        r.onPacket(14, T0 + 120_000);
        TransportFeedback next = r.feedback(1, 2);
        assertThat(next.baseSequence()).isEqualTo(14);
        assertThat(next.symbols()).containsExactly(1);
        assertThat(next.feedbackCount()).isEqualTo(fb.feedbackCount() + 1);
    }

    @Test
    void sequenceNumbersWrapAround() {
        TransportCcReceiver r = new TransportCcReceiver();
        r.onPacket(65534, T0);
        r.onPacket(65535, T0 + 250);
        r.onPacket(0, T0 + 500);
        r.onPacket(1, T0 + 750);
        TransportFeedback fb = r.feedback(1, 2);
        assertThat(fb.baseSequence()).isEqualTo(65534);
        assertThat(fb.symbols()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aGapTooWideForOneDeltaSplitsTheFeedback() {
        TransportCcReceiver r = new TransportCcReceiver();
        r.onPacket(1, T0);
        r.onPacket(2, T0 + 10_000_000); // 10 s later: beyond a signed 16-bit count of 250 µs
        TransportFeedback first = r.feedback(1, 2);
        assertThat(first.symbols()).containsExactly(1);
        TransportFeedback second = r.feedback(1, 2);
        assertThat(second.baseSequence()).isEqualTo(2);
    }

    @Test
    void findsTheSequenceNumberInOneAndTwoByteExtensions() {
        // one-byte form (RFC 8285 §4.2): id 3 (audio level, 1 octet), id 5 (transport-cc, 2 octets 0x1234)
        ByteBuf oneByte = Unpooled.wrappedBuffer(HexFormat.of().parseHex(
                "90600001" + "00000002" + "00000003" + "bede0002" + "3080" + "511234" + "000" + "0" + "ff"));
        assertThat(TransportCcReceiver.transportSequence(oneByte, 5)).isEqualTo(0x1234);
        assertThat(TransportCcReceiver.transportSequence(oneByte, 7)).isEqualTo(-1);
        // two-byte form (§4.3): id 5, length 2
        ByteBuf twoByte = Unpooled.wrappedBuffer(HexFormat.of().parseHex(
                "90600001" + "00000002" + "00000003" + "10000001" + "05024321" + "ff"));
        assertThat(TransportCcReceiver.transportSequence(twoByte, 5)).isEqualTo(0x4321);
        // truncated extension block: no answer, no exception
        ByteBuf truncated = Unpooled.wrappedBuffer(HexFormat.of().parseHex("90600001" + "00000002" + "00000003" + "bede0009" + "51"));
        assertThat(TransportCcReceiver.transportSequence(truncated, 5)).isEqualTo(-1);
    }
}
