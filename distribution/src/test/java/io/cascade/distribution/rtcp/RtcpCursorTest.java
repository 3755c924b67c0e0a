// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.PooledBuffers;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Compound framing per RFC 3550 §6.1 and A.2, in place and without exceptions. */
@ExtendWith(LeakDetection.class)
class RtcpCursorTest {

    @Test
    void walksEveryPacketOfACompound() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtcp/compound-with-unknown-types.hex"));
        try {
            RtcpCursor cursor = new RtcpCursor().reset(buf);
            List<Integer> types = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            while (cursor.next()) {
                types.add(cursor.packetType());
                lengths.add(cursor.length());
            }
            assertThat(cursor.validity()).isEqualTo(RtcpValidity.VALID);
            assertThat(types).containsExactly(201, 204, 210, 202);
            assertThat(lengths).containsExactly(8, 16, 8, 16);
            assertThat(buf.readerIndex()).as("the cursor moves no index").isZero();
        } finally {
            buf.release();
        }
    }

    @Test
    void reportsThePaddingOfTheLastPacket() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtcp/padded-bye.hex"));
        try {
            RtcpCursor cursor = new RtcpCursor().reset(buf);
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.hasPadding()).isFalse();
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.hasPadding()).isTrue();
            assertThat(cursor.length()).isEqualTo(12);
            assertThat(cursor.bodyLength()).isEqualTo(4);
            assertThat(cursor.next()).isFalse();
            assertThat(cursor.validity()).isEqualTo(RtcpValidity.VALID);
        } finally {
            buf.release();
        }
    }

    @Test
    void fullCompoundMustStartWithAReportUnlessReducedSizeIsNegotiated() {
        RtcpCursor cursor = new RtcpCursor();
        assertThat(validate(cursor, "rtcp/chrome-nack.hex", false)).isEqualTo(RtcpValidity.FIRST_NOT_REPORT);
        assertThat(validate(cursor, "rtcp/chrome-nack.hex", true)).isEqualTo(RtcpValidity.VALID);
        assertThat(validate(cursor, "rtcp/chrome-rr-sdes.hex", false)).isEqualTo(RtcpValidity.VALID);
        assertThat(validate(cursor, "rtcp/rfc3550-sender-report.hex", false)).isEqualTo(RtcpValidity.VALID);
    }

    @Test
    void lengthFieldPointingPastTheDatagram() {
        // SR header claims 13 words (56 octets); 52 are there.
        assertInvalid("81 c8 00 0d 12 34 56 78", RtcpValidity.LENGTH_OVERRUN);
    }

    @Test
    void trailingOctetsTooFewForAHeader() {
        assertInvalid("80 c9 00 01 00 00 00 01 80 c9", RtcpValidity.TRUNCATED_HEADER);
    }

    @Test
    void versionOtherThanTwo() {
        assertInvalid("80 c9 00 01 00 00 00 01 40 c9 00 01 00 00 00 01", RtcpValidity.BAD_VERSION);
    }

    @Test
    void paddingOnAPacketThatIsNotLast() {
        assertInvalid("a0 c9 00 01 00 00 00 04 80 c9 00 01 00 00 00 01", RtcpValidity.PADDING_NOT_LAST);
    }

    @Test
    void paddingCountsThatAreZeroUnalignedOrTooLarge() {
        assertInvalid("a0 c9 00 01 00 00 00 00", RtcpValidity.PADDING_INVALID);
        assertInvalid("a0 c9 00 01 00 00 00 03", RtcpValidity.PADDING_INVALID);
        assertInvalid("a0 c9 00 01 00 00 00 08", RtcpValidity.PADDING_INVALID);
        assertInvalid("a1 cd 00 01 00 00 00 03", RtcpValidity.PADDING_INVALID); // RTPFB FMT 1 (NACK): words only
        assertInvalid("af cd 00 01 00 00 00 09", RtcpValidity.PADDING_INVALID); // more than the packet
    }

    /** Chromium pads transport-cc feedback, whose FCI ends on any octet, with 1..3 octets. */
    @Test
    void transportCcFeedbackMayPadByLessThanAWord() {
        ByteBuf buf = PooledBuffers.of(HexVector.parse(
                "af cd 00 05 00 00 00 01 00 00 00 02 00 07 00 01 00 00 01 00 20 01 04 01"));
        try {
            RtcpCursor cursor = new RtcpCursor().reset(buf);
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.bodyLength()).isEqualTo(24 - 4 - 1);
            assertThat(cursor.next()).isFalse();
            assertThat(cursor.validity()).isEqualTo(RtcpValidity.VALID);
        } finally {
            buf.release();
        }
    }

    @Test
    void emptyDatagram() {
        ByteBuf buf = PooledBuffers.of(new byte[0]);
        try {
            assertThat(new RtcpCursor().validate(buf, true)).isEqualTo(RtcpValidity.EMPTY);
            assertThat(RtcpTestSupport.decodeFailure(buf).field()).isEqualTo("length");
        } finally {
            buf.release();
        }
    }

    private static RtcpValidity validate(RtcpCursor cursor, String vector, boolean reducedSize) {
        ByteBuf buf = PooledBuffers.of(HexVector.load(vector));
        try {
            return cursor.validate(buf, reducedSize);
        } finally {
            buf.release();
        }
    }

    private static void assertInvalid(String hex, RtcpValidity expected) {
        ByteBuf buf = PooledBuffers.of(HexVector.parse(hex));
        try {
            assertThat(new RtcpCursor().validate(buf, true)).isEqualTo(expected);
            RtcpFormatException e = RtcpTestSupport.decodeFailure(buf);
            assertThat(e.field()).isEqualTo(expected.field());
            assertThat(buf.readerIndex()).as("a failed decode leaves the reader index").isZero();
        } finally {
            buf.release();
        }
    }
}
