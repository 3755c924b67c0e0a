// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed packets give a result code on the view and a typed exception naming the field from
 * decode; nothing reads outside the packet.
 */
@ExtendWith(LeakDetection.class)
class RtpBadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"rtp/rfc3550-pcmu.hex", "rtp/csrc-marker-padding.hex",
        "rtp/chrome-vp8-one-byte-extension.hex", "rtp/two-byte-extension.hex"})
    void everyTruncationIsRejectedOrStillConsistent(String vector) {
        byte[] wire = HexVector.load(vector);
        for (int length = 0; length < wire.length; length++) {
            // The rest of the original sits after the cut, so a read past the end would succeed
            // silently if the view ignored its length: slice hides it.
            ByteBuf whole = PooledBuffers.of(wire);
            try {
                ByteBuf cut = whole.slice(0, length);
                RtpValidity validity = new RtpPacket().wrap(cut).validate();
                if (validity == RtpValidity.VALID) {
                    RtpPacket packet = RtpPacket.decode(cut);
                    assertThat(packet.payloadLength()).isBetween(0, length);
                } else {
                    assertThat(decodeFailure(cut).field()).isEqualTo(validity.field());
                }
            } finally {
                whole.release();
            }
        }
    }

    @Test
    void headerShorterThanTwelveOctets() {
        assertRejected("80 00 12 34 00 01 e2 40 de ad be", RtpValidity.TRUNCATED_HEADER, "length");
    }

    @Test
    void versionOtherThanTwo() {
        assertRejected("40 00 12 34 00 01 e2 40 de ad be ef 00", RtpValidity.BAD_VERSION, "version");
        assertRejected("c0 00 12 34 00 01 e2 40 de ad be ef 00", RtpValidity.BAD_VERSION, "version");
    }

    @Test
    void csrcCountPastTheEnd() {
        // CC=15 claims 60 octets of CSRCs; 4 are there.
        assertRejected("8f 00 12 34 00 01 e2 40 de ad be ef 11 11 11 11", RtpValidity.CSRC_OVERRUN, "csrcCount");
    }

    @Test
    void extensionHeaderPastTheEnd() {
        assertRejected("90 00 12 34 00 01 e2 40 de ad be ef be de", RtpValidity.EXTENSION_HEADER_OVERRUN,
                "extension");
    }

    @Test
    void extensionLengthPastTheEnd() {
        // length 0xFFFF words, 4 octets present
        assertRejected("90 00 12 34 00 01 e2 40 de ad be ef be de ff ff 22 0b 45 67",
                RtpValidity.EXTENSION_LENGTH_OVERRUN, "extensionLength");
    }

    @Test
    void oneByteElementPastTheBlock() {
        // id 2 claims 16 octets (L=15) in a 4-octet block
        assertRejected("90 00 12 34 00 01 e2 40 de ad be ef be de 00 01 2f 01 02 03",
                RtpValidity.EXTENSION_ELEMENT_OVERRUN, "extensionElement");
    }

    @Test
    void twoByteElementPastTheBlock() {
        // id 1 claims 200 octets; also a lone id octet with no length octet
        assertRejected("90 00 12 34 00 01 e2 40 de ad be ef 10 00 00 01 01 c8 00 00",
                RtpValidity.EXTENSION_ELEMENT_OVERRUN, "extensionElement");
        assertRejected("90 00 12 34 00 01 e2 40 de ad be ef 10 00 00 01 00 00 00 05",
                RtpValidity.EXTENSION_ELEMENT_OVERRUN, "extensionElement");
    }

    @Test
    void oneByteIdFifteenEndsTheBlockWithoutChecksAfterIt() {
        // RFC 8285 §4.2: stop at ID 15; the garbage length after it is not read.
        ByteBuf buf = PooledBuffers.of(HexVector.parse("90 00 12 34 00 01 e2 40 de ad be ef be de 00 01 10 aa f0 ff"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.extensionLength(1)).isEqualTo(1);
            assertThat(packet.extensionOffset(15)).isEqualTo(-1);
            assertThat(packet.header().extension().elements()).hasSize(1);
        } finally {
            buf.release();
        }
    }

    @Test
    void paddingCountOfZero() {
        assertRejected("a0 00 12 34 00 01 e2 40 de ad be ef 01 02 00", RtpValidity.PADDING_ZERO, "padding");
    }

    @Test
    void paddingCountLargerThanThePayload() {
        assertRejected("a0 00 12 34 00 01 e2 40 de ad be ef 01 02 04", RtpValidity.PADDING_OVERRUN, "padding");
    }

    @Test
    void paddingBitWithNothingAfterTheHeader() {
        assertRejected("a0 00 12 34 00 01 e2 40 de ad be ef", RtpValidity.PADDING_MISSING, "padding");
    }

    @Test
    void paddingMayFillEverythingAfterTheHeader() {
        ByteBuf buf = PooledBuffers.of(HexVector.parse("a0 00 12 34 00 01 e2 40 de ad be ef 00 00 03"));
        try {
            assertThat(RtpPacket.decode(buf).payloadLength()).isZero();
        } finally {
            buf.release();
        }
    }

    @Test
    void headerValueDecodeNamesTheSameFields() {
        ByteBuf buf = PooledBuffers.of(HexVector.parse("8f 00 12 34 00 01 e2 40 de ad be ef"));
        try {
            RtpFormatException e = catchThrowableOfType(RtpFormatException.class, () -> RtpHeader.decode(buf));
            assertThat(e.field()).isEqualTo("csrcCount");
            assertThat(buf.readerIndex()).isZero();
        } finally {
            buf.release();
        }
    }

    private static void assertRejected(String hex, RtpValidity expected, String field) {
        byte[] wire = HexVector.parse(hex);
        // Surround the packet with readable-looking bytes outside its slice.
        byte[] padded = Arrays.copyOf(wire, wire.length + 64);
        Arrays.fill(padded, wire.length, padded.length, (byte) 0x41);
        ByteBuf whole = PooledBuffers.of(padded);
        try {
            ByteBuf packet = whole.slice(0, wire.length);
            assertThat(new RtpPacket().wrap(packet).validate()).isEqualTo(expected);
            RtpFormatException e = decodeFailure(packet);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e).hasMessageStartingWith(field + ": ");
        } finally {
            whole.release();
        }
    }

    private static RtpFormatException decodeFailure(ByteBuf packet) {
        RtpFormatException e = catchThrowableOfType(RtpFormatException.class, () -> RtpPacket.decode(packet));
        assertThat(e).as("decode throws RtpFormatException").isNotNull();
        return e;
    }
}
