// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 8285 element encoding, lookup and the limits of each form. */
@ExtendWith(LeakDetection.class)
class HeaderExtensionTest {

    @Test
    void oneByteFormPacksElementsAndPadsToAWord() {
        HeaderExtension block = HeaderExtension.of(ExtensionProfile.ONE_BYTE, List.of(
                new ExtensionElement(2, new byte[] {0x0b, 0x45, 0x67}),
                new ExtensionElement(3, new byte[] {0x01, 0x2c})));
        assertThat(block.profile()).isEqualTo(0xBEDE);
        assertThat(block.data()).isEqualTo(HexVector.parse("22 0b 45 67 31 01 2c 00"));
        assertThat(block.encodedLength()).isEqualTo(12);
    }

    @Test
    void twoByteFormCarriesEmptyElementsAndLargeIds() {
        HeaderExtension block = HeaderExtension.of(ExtensionProfile.TWO_BYTE, List.of(
                new ExtensionElement(15, new byte[0]),
                new ExtensionElement(200, new byte[] {7})));
        assertThat(block.profile()).isEqualTo(0x1000);
        assertThat(block.data()).isEqualTo(HexVector.parse("0f 00 c8 01 07 00 00 00"));
        assertThat(block.elements()).containsExactly(
                new ExtensionElement(15, new byte[0]), new ExtensionElement(200, new byte[] {7}));
    }

    @Test
    void oneByteFormRefusesWhatItCannotExpress() {
        assertThatThrownBy(() -> HeaderExtension.of(ExtensionProfile.ONE_BYTE,
                List.of(new ExtensionElement(15, new byte[1])))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderExtension.of(ExtensionProfile.ONE_BYTE,
                List.of(new ExtensionElement(1, new byte[0])))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderExtension.of(ExtensionProfile.ONE_BYTE,
                List.of(new ExtensionElement(1, new byte[17])))).isInstanceOf(IllegalArgumentException.class);
        assertThat(HeaderExtension.of(ExtensionProfile.ONE_BYTE, List.of(new ExtensionElement(14, new byte[16])))
                .elements()).hasSize(1);
    }

    @Test
    void recognisesTheTwoByteProfileWhateverItsAppBits() {
        assertThat(ExtensionProfile.of(0xBEDE)).isEqualTo(ExtensionProfile.ONE_BYTE);
        assertThat(ExtensionProfile.of(0x1000)).isEqualTo(ExtensionProfile.TWO_BYTE);
        assertThat(ExtensionProfile.of(0x100F)).isEqualTo(ExtensionProfile.TWO_BYTE);
        assertThat(ExtensionProfile.of(0x1010)).isNull();
        assertThat(ExtensionProfile.of(0xBEDF)).isNull();
    }

    @Test
    void opaqueProfilesRoundTripButHaveNoElements() {
        HeaderExtension block = new HeaderExtension(0xABAC, HexVector.parse("ff ff ff ff"));
        assertThat(block.form()).isNull();
        assertThatThrownBy(block::elements).isInstanceOf(IllegalStateException.class);
        ByteBuf out = PooledBuffers.empty();
        try {
            block.encode(out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(HexVector.parse("ab ac 00 01 ff ff ff ff"));
            assertThat(HeaderExtension.decode(out)).isEqualTo(block);
            assertThat(out.isReadable()).isFalse();
        } finally {
            out.release();
        }
    }

    @Test
    void keepsPaddingBetweenElementsAsOnTheWire() {
        byte[] data = HexVector.parse("00 10 aa 00 00 21 bb cc");
        HeaderExtension block = new HeaderExtension(0xBEDE, data);
        assertThat(block.data()).isEqualTo(data);
        assertThat(block.element(2)).contains(new ExtensionElement(2, new byte[] {(byte) 0xbb, (byte) 0xcc}));
        assertThat(block.element(3)).isEmpty();
    }

    @Test
    void refusesMalformedRfc8285DataAndPartialWords() {
        assertThatThrownBy(() -> new HeaderExtension(0xBEDE, HexVector.parse("2f 00 00 00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderExtension(0xBEDE, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstElementWinsWhenAnIdRepeats() {
        ByteBuf buf = PooledBuffers.of(HexVector.parse("90 00 00 01 00 00 00 01 00 00 00 01 be de 00 01 30 01 30 02"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(buf.getUnsignedByte(packet.extensionOffset(3))).isEqualTo((short) 1);
        } finally {
            buf.release();
        }
    }

    @Test
    void lookupOnAPacketWithoutExtensionFindsNothing() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtp/rfc3550-pcmu.hex"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.extensionOffset(1)).isEqualTo(-1);
            assertThat(packet.extensionLength(1)).isEqualTo(-1);
            assertThat(packet.setExtensionValue(1, 0)).isFalse();
            assertThat(packet.extensionOffset(0)).as("id 0 is padding, never an element").isEqualTo(-1);
        } finally {
            buf.release();
        }
    }
}
