// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enum codes against the IANA registries they come from: "RTP Control Protocol (RTCP) Control
 * Packet Types" and "RTP SDES Item Types".
 */
class WireCodesTest {

    @Test
    void packetTypesMatchTheIanaRegistry() {
        Map<RtcpPacketType, Integer> iana = Map.of(RtcpPacketType.SR, 200, RtcpPacketType.RR, 201,
                RtcpPacketType.SDES, 202, RtcpPacketType.BYE, 203, RtcpPacketType.APP, 204,
                RtcpPacketType.RTPFB, 205, RtcpPacketType.PSFB, 206, RtcpPacketType.XR, 207);
        assertThat(iana).hasSize(RtcpPacketType.values().length);
        iana.forEach((type, code) -> {
            assertThat(type.code()).isEqualTo(code);
            assertThat(RtcpPacketType.fromCode(code)).isEqualTo(type);
        });
    }

    @Test
    void unknownPacketTypesAreNamedAsSuch() {
        assertThat(RtcpPacketType.isKnown(199)).isFalse();
        assertThat(RtcpPacketType.isKnown(208)).isFalse();
        assertThatThrownBy(() -> RtcpPacketType.fromCode(210))
                .isInstanceOfSatisfying(RtcpFormatException.class, e -> assertThat(e.field()).isEqualTo("packetType"));
    }

    @Test
    void sdesItemTypesMatchRfc3550AndTheRegistry() {
        Map<SdesItemType, Integer> iana = Map.of(SdesItemType.CNAME, 1, SdesItemType.NAME, 2,
                SdesItemType.EMAIL, 3, SdesItemType.PHONE, 4, SdesItemType.LOC, 5, SdesItemType.TOOL, 6,
                SdesItemType.NOTE, 7, SdesItemType.PRIV, 8);
        assertThat(iana).hasSize(SdesItemType.values().length);
        iana.forEach((type, code) -> {
            assertThat(type.code()).isEqualTo(code);
            assertThat(SdesItemType.fromCode(code)).isEqualTo(type);
        });
        assertThat(SdesItemType.isKnown(0)).as("0 ends an item list").isFalse();
        assertThatThrownBy(() -> SdesItemType.fromCode(9)).isInstanceOf(RtcpFormatException.class);
    }

    @Test
    void feedbackFormatsMatchTheirRfcs() {
        assertThat(GenericNack.FORMAT).as("RFC 4585 §6.2.1").isEqualTo(1);
        assertThat(PictureLossIndication.FORMAT).as("RFC 4585 §6.3.1").isEqualTo(1);
        assertThat(FullIntraRequest.FORMAT).as("RFC 5104 §4.3.1").isEqualTo(4);
    }
}
