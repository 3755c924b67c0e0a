// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.H264PacketizerTest.rtp;
import static io.cascade.distribution.payload.PayloadVectors.hex;
import static io.cascade.distribution.payload.PayloadVectors.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AacPayloadTest {
    private static final int SSRC = 0x11223344;
    private static final AacAccessUnit FIRST = new AacAccessUnit(44100, hex("211b94a5c001"));
    private static final AacAccessUnit SECOND = new AacAccessUnit(44100 + 1024, hex("211b9407"));
    /** The 90-octet filler access unit of the fragment vectors: (29 i + 3) mod 256. */
    private static final AacAccessUnit LARGE = new AacAccessUnit(88200, filler(90));

    private final List<AacAccessUnit> received = new ArrayList<>();
    private final AacDepacketizer depacketizer = new AacDepacketizer(received::add, 1024);

    @Test
    void twoConsecutiveAccessUnitsShareAPacketAsInTheVector() {
        AacPacketizer packetizer = new AacPacketizer(new PacketizerConfig(97, SSRC, 500, 1200), 1024);
        List<byte[]> packets = packetizer.packetize(List.of(FIRST, SECOND));
        assertThat(packets).containsExactly(PayloadVectors.load("rtp-aac-hbr-two-aus"));
    }

    @Test
    void aLargeAccessUnitIsFragmentedAsInTheVectors() {
        AacPacketizer packetizer = new AacPacketizer(new PacketizerConfig(97, SSRC, 600, 64), 1024);
        assertThat(packetizer.packetize(LARGE)).containsExactly(PayloadVectors.load("rtp-aac-hbr-fragment-first"),
                PayloadVectors.load("rtp-aac-hbr-fragment-last"));
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(602);
    }

    @Test
    void theVectorsDepacketizeToTheirAccessUnits() {
        PayloadVectors.AAC_PACKETS.forEach(name -> depacketizer.receive(PayloadVectors.load(name)));
        assertThat(received).containsExactly(FIRST, SECOND, LARGE);
        assertThat(depacketizer.stats()).isEqualTo(new DepacketizerStats(3, 99, 0, 0, 0, 3, 0, 0, 0));
    }

    @Test
    void onlyAccessUnitsOneFrameApartAreAggregated() {
        AacPacketizer packetizer = new AacPacketizer(PacketizerConfig.of(97, SSRC, 0), 1024);
        AacAccessUnit afterAGap = new AacAccessUnit(44100 + 3 * 1024, hex("2101"));
        List<byte[]> packets = packetizer.packetize(List.of(FIRST, SECOND, afterAGap));
        assertThat(packets).hasSize(2);
        assertThat(packets).allSatisfy(p -> assertThat(view(p).marker()).isTrue());
        packets.forEach(depacketizer::receive);
        assertThat(received).containsExactly(FIRST, SECOND, afterAGap);
    }

    @Test
    void aggregationStopsAtThePacketLimit() {
        // 64-octet packets: 52 payload octets; each 20-octet unit needs 22: two fit (2 + 44), three do not
        AacPacketizer packetizer = new AacPacketizer(new PacketizerConfig(97, SSRC, 0, 64), 1024);
        List<AacAccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            units.add(new AacAccessUnit(1024 * i, Arrays.copyOf(filler(20), 20)));
        }
        List<byte[]> packets = packetizer.packetize(units);
        assertThat(packets).extracting(p -> p.length).containsExactly(12 + 46, 12 + 46, 12 + 24);
        packets.forEach(depacketizer::receive);
        assertThat(received).containsExactlyElementsOf(units);
    }

    @Test
    void aLostFirstFragmentDropsTheAccessUnitOnce() {
        depacketizer.receive(PayloadVectors.load("rtp-aac-hbr-two-aus"));
        depacketizer.receive(PayloadVectors.load("rtp-aac-hbr-fragment-last"));
        assertThat(received).containsExactly(FIRST, SECOND);
        assertThat(depacketizer.stats().framesDamaged()).isOne();
    }

    @Test
    void aLostMiddleFragmentDropsTheAccessUnitOnce() {
        AacPacketizer packetizer = new AacPacketizer(new PacketizerConfig(97, SSRC, 0, 64), 1024);
        List<byte[]> packets = packetizer.packetize(List.of(new AacAccessUnit(0, filler(200)),
                new AacAccessUnit(1024, filler(7))));
        assertThat(packets).hasSize(6); // 200 octets in 5 fragments of 40, then the small unit
        for (int i = 0; i < packets.size(); i++) {
            if (i != 2) {
                depacketizer.receive(packets.get(i));
            }
        }
        assertThat(received).containsExactly(new AacAccessUnit(1024, filler(7)));
        assertThat(depacketizer.stats().framesDamaged()).isOne();
        assertThat(depacketizer.stats().packetsLost()).isOne();
    }

    @Test
    void aMarkerBeforeTheUnitIsCompleteDropsIt() {
        byte[] last = PayloadVectors.load("rtp-aac-hbr-fragment-last");
        byte[] first = PayloadVectors.load("rtp-aac-hbr-fragment-first");
        first[1] |= (byte) 0x80; // M on the first fragment: 45 of 90 octets
        depacketizer.receive(first);
        depacketizer.receive(last);
        assertThat(received).isEmpty();
        assertThat(depacketizer.stats().framesDamaged()).isEqualTo(2);
    }

    @Test
    void interleavingIsUnsupported() {
        depacketizer.receive(rtp(1, 0, true, hex("0010" + "0031" + "211b94a5c001"))); // AU-Index 1
        depacketizer.receive(rtp(2, 0, true, hex("0020" + "0030" + "0021" + "211b94a5c001" + "211b9407"))); // delta 1
        assertThat(received).isEmpty();
        assertThat(depacketizer.stats().packetsUnsupported()).isEqualTo(2);
    }

    @Test
    void malformedHeaderSectionsAreCounted() {
        depacketizer.receive(rtp(1, 0, true, hex("00"))); // no AU-headers-length
        depacketizer.receive(rtp(2, 0, true, hex("0000"))); // no AU header
        depacketizer.receive(rtp(3, 0, true, hex("000f" + "0030"))); // 15 bits: not whole AU headers
        depacketizer.receive(rtp(4, 0, true, hex("0040" + "0030"))); // four headers announced, one there
        depacketizer.receive(rtp(5, 0, true, hex("0020" + "0030" + "0030" + "211b94a5c001"))); // 12 octets announced
        assertThat(received).isEmpty();
        assertThat(depacketizer.stats().packetsMalformed()).isEqualTo(5);
    }

    @Test
    void emptyAccessUnitsAndTrailingOctetsAreSkipped() {
        depacketizer.receive(rtp(1, 0, true, hex("0020" + "0000" + "0020" + "211b9407" + "ffff")));
        assertThat(received).containsExactly(new AacAccessUnit(1024, hex("211b9407")));
    }

    @Test
    void accessUnitsTheHeaderCannotDescribeAreRefused() {
        AacPacketizer packetizer = new AacPacketizer(PacketizerConfig.of(97, SSRC, 0), 1024);
        assertThatThrownBy(() -> packetizer.packetize(new AacAccessUnit(0, new byte[8192])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packetizer.packetize(new AacAccessUnit(0, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(packetizer.packetize(new AacAccessUnit(0, new byte[8191]))).hasSize(7);
    }

    @Test
    void ffmpegAacRoundTripsInGroupsOfThree() {
        List<AacAccessUnit> units = adtsAccessUnits(PayloadVectors.resource(PayloadVectors.AAC_STREAM));
        assertThat(units).hasSize(45);
        AacPacketizer packetizer = new AacPacketizer(PacketizerConfig.of(97, SSRC, 65500), 1024);
        int packets = 0;
        for (int i = 0; i < units.size(); i += 3) {
            for (byte[] packet : packetizer.packetize(units.subList(i, Math.min(i + 3, units.size())))) {
                depacketizer.receive(packet);
                packets++;
            }
        }
        assertThat(packets).isEqualTo(15);
        assertThat(received).containsExactlyElementsOf(units);
    }

    /** Raw access units of an ADTS stream (ISO/IEC 13818-7 §6.2), timestamped 1024 apart. */
    static List<AacAccessUnit> adtsAccessUnits(byte[] adts) {
        List<AacAccessUnit> units = new ArrayList<>();
        int at = 0;
        while (at < adts.length) {
            boolean crc = (adts[at + 1] & 0x01) == 0;
            int frameLength = (adts[at + 3] & 0x03) << 11 | (adts[at + 4] & 0xFF) << 3 | (adts[at + 5] & 0xFF) >>> 5;
            int header = crc ? 9 : 7;
            units.add(new AacAccessUnit(1024 * units.size(), Arrays.copyOfRange(adts, at + header, at + frameLength)));
            at += frameLength;
        }
        return units;
    }

    private static byte[] filler(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 29 + 3);
        }
        return data;
    }
}
