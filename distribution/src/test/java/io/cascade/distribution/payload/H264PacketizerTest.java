// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.PPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.SPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.hex;
import static io.cascade.distribution.payload.PayloadVectors.payload;
import static io.cascade.distribution.payload.PayloadVectors.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class H264PacketizerTest {
    private static final int SSRC = 0x0A0B0C0D;
    /** 64-octet packets: 52 octets of payload. */
    private static final PacketizerConfig SMALL = new PacketizerConfig(96, SSRC, 1000, 64);
    private static final byte[] AUD = hex("09f0");

    @Test
    void writesTheRfc6184VectorsOctetForOctet() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        List<byte[]> packets = new ArrayList<>();
        for (H264AccessUnit unit : PayloadVectors.H264_ACCESS_UNITS) {
            packets.addAll(packetizer.packetize(unit));
        }
        assertThat(packets).hasSize(PayloadVectors.H264_PACKETS.size());
        for (int i = 0; i < packets.size(); i++) {
            assertThat(packets.get(i)).as(PayloadVectors.H264_PACKETS.get(i))
                    .isEqualTo(PayloadVectors.load(PayloadVectors.H264_PACKETS.get(i)));
        }
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(1005);
    }

    @Test
    void markerOnlyOnTheLastPacketOfTheAccessUnit() {
        List<byte[]> packets = new H264Packetizer(SMALL).packetize(1, List.of(SPS_640X360, new byte[500], nal(0x41, 30)));
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket packet = view(packets.get(i));
            assertThat(packet.marker()).as("packet %d", i).isEqualTo(i == packets.size() - 1);
            assertThat(packet.timestamp()).isEqualTo(1);
            assertThat(packet.ssrc()).isEqualTo(SSRC);
            assertThat(packet.payloadType()).isEqualTo(96);
            assertThat(packet.sequenceNumber()).isEqualTo(1000 + i);
        }
    }

    @Test
    void aNalUnitOfExactlyThePayloadLimitGoesAlone() {
        List<byte[]> packets = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x65, 52)));
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0)).hasSize(64);
        assertThat(payload(packets.get(0))).isEqualTo(nal(0x65, 52));
    }

    @Test
    void oneOctetMoreTakesTwoFragmentsOfNearEqualSize() {
        // 53 octets: header + 52; parts of at most 50, cut 26 + 26
        List<byte[]> packets = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x65, 53)));
        assertThat(packets).extracting(p -> p.length).containsExactly(12 + 2 + 26, 12 + 2 + 26);
        assertThat(packets.get(0)[12] & 0xFF).isEqualTo(0x7C); // FU indicator: NRI 3, type 28
        assertThat(packets.get(0)[13] & 0xFF).isEqualTo(0x85); // S, type 5
        assertThat(packets.get(1)[13] & 0xFF).isEqualTo(0x45); // E, type 5
    }

    @Test
    void fragmentsNeverDifferByMoreThanOneOctet() {
        // 1000 octets after the header over parts of at most 50: 20 parts of exactly 50
        List<byte[]> even = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x41, 1001)));
        assertThat(even).hasSize(20).allSatisfy(p -> assertThat(p).hasSize(64));
        // 1001 octets need 21 parts: 1001 = 14 * 48 + 7 * 47, not 20 * 50 and a runt of 1
        List<byte[]> uneven = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x41, 1002)));
        assertThat(uneven).hasSize(21).extracting(p -> p.length - 14).containsOnly(48, 47);
    }

    @Test
    void nalUnitsThatFitTogetherShareAStapA() {
        // 1 + (2 + 20) + (2 + 27) = 52: exactly full
        List<byte[]> full = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x06, 20), nal(0x41, 27)));
        assertThat(full).hasSize(1);
        assertThat(full.get(0)).hasSize(64);
        assertThat(full.get(0)[12] & 0x1F).isEqualTo(H264Nal.STAP_A);
        // one octet more and they go as two single NAL unit packets
        List<byte[]> over = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x06, 20), nal(0x41, 28)));
        assertThat(over).extracting(p -> p[12] & 0x1F).containsExactly(H264Nal.SEI, H264Nal.SLICE);
    }

    @Test
    void stapAHeaderTakesTheLargestNriAndAnyForbiddenBit() {
        // NRI 0 (0x06), NRI 2 (0x41), F set with NRI 1 (0xA1)
        byte[] packet = new H264Packetizer(SMALL).packetize(0, List.of(nal(0x06, 3), nal(0x41, 3), nal(0xA1, 3))).get(0);
        assertThat(packet[12] & 0xFF).isEqualTo(0x80 | 0x40 | 24);
    }

    @Test
    void parameterSetsGoBeforeAnIdrThatLacksThem() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        packetizer.setParameterSets(List.of(SPS_640X360), List.of(PPS_640X360));
        byte[] idr = nal(0x65, 10);
        assertThat(depacketize(packetizer.packetize(0, List.of(AUD, idr))))
                .containsExactly(AUD, SPS_640X360, PPS_640X360, idr);
        // a non-IDR access unit is left alone
        byte[] slice = nal(0x41, 10);
        assertThat(depacketize(packetizer.packetize(3000, List.of(AUD, slice)))).containsExactly(AUD, slice);
        assertThat(packetizer.keyframesWithoutParameterSets()).isZero();
    }

    @Test
    void onlyTheMissingKindIsInsertedAfterTheOnesPresent() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        packetizer.setParameterSets(List.of(SPS_640X360), List.of(PPS_640X360));
        byte[] ownSps = SPS_640X360.clone();
        ownSps[3] = 0x1f;
        byte[] sei = nal(0x06, 5);
        byte[] idr = nal(0x65, 10);
        assertThat(depacketize(packetizer.packetize(0, List.of(ownSps, sei, idr))))
                .containsExactly(ownSps, PPS_640X360, sei, idr);
    }

    @Test
    void parameterSetsSeenInBandAreRepeatedLater() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        byte[] idr = nal(0x65, 10);
        packetizer.packetize(0, List.of(SPS_640X360, PPS_640X360, idr));
        assertThat(depacketize(packetizer.packetize(3000, List.of(idr)))).containsExactly(SPS_640X360, PPS_640X360, idr);
    }

    @Test
    void parameterSetsFromAnAvcSequenceHeader() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        packetizer.setParameterSets(AvcDecoderConfigurationRecord.decode(PayloadVectors.load("avcc-ffmpeg-high-with-trailer")));
        byte[] idr = nal(0x65, 10);
        assertThat(depacketize(packetizer.packetize(0, List.of(idr)))).containsExactly(SPS_640X360, PPS_640X360, idr);
    }

    @Test
    void withoutStoredParameterSetsTheKeyframeIsCountedAndSentAsIs() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        byte[] idr = nal(0x65, 10);
        assertThat(depacketize(packetizer.packetize(0, List.of(idr)))).containsExactly(idr);
        assertThat(packetizer.keyframesWithoutParameterSets()).isOne();
    }

    @Test
    void repetitionCanBeTurnedOff() {
        H264Packetizer packetizer = new H264Packetizer(SMALL, false);
        packetizer.setParameterSets(List.of(SPS_640X360), List.of(PPS_640X360));
        byte[] idr = nal(0x65, 10);
        assertThat(depacketize(packetizer.packetize(0, List.of(idr)))).containsExactly(idr);
    }

    @Test
    void sequenceNumbersRunOnAcrossAccessUnitsAndWrap() {
        H264Packetizer packetizer = new H264Packetizer(new PacketizerConfig(96, SSRC, 65534, 64));
        List<byte[]> packets = new ArrayList<>(packetizer.packetize(0, List.of(nal(0x41, 100))));
        packets.addAll(packetizer.packetize(3000, List.of(nal(0x41, 10))));
        assertThat(packets).extracting(p -> view(p).sequenceNumber()).containsExactly(65534, 65535, 0);
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(1);
    }

    @Test
    void emptyNalUnitsAndEmptyAccessUnitsMakeNoPackets() {
        H264Packetizer packetizer = new H264Packetizer(SMALL);
        assertThat(packetizer.packetize(0, List.of())).isEmpty();
        assertThat(depacketize(packetizer.packetize(0, List.of(new byte[0], nal(0x41, 5), new byte[0]))))
                .containsExactly(nal(0x41, 5));
    }

    @Test
    void noPacketExceedsTheLimitWhateverTheSizes() {
        H264Packetizer packetizer = new H264Packetizer(PacketizerConfig.of(96, SSRC, 0));
        Random random = new Random(1200);
        for (int i = 0; i < 200; i++) {
            List<byte[]> nals = new ArrayList<>();
            for (int n = random.nextInt(6); n >= 0; n--) {
                nals.add(nal(0x41, 1 + random.nextInt(random.nextBoolean() ? 60 : 5000)));
            }
            assertThat(packetizer.packetize(i, nals)).allSatisfy(p -> assertThat(p.length).isBetween(13, 1200));
        }
    }

    /** A NAL unit: the header octet, then a filler that never holds two zero octets. */
    static byte[] nal(int header, int length) {
        byte[] nal = new byte[length];
        nal[0] = (byte) header;
        for (int i = 1; i < length; i++) {
            nal[i] = (byte) (1 + i % 251);
        }
        return nal;
    }

    /**
     * The NAL units the packets carry, through the depacketizer. An IDR access unit goes first, in
     * the packet numbered just before, since the depacketizer drops everything before a keyframe.
     */
    static List<byte[]> depacketize(List<byte[]> packets) {
        List<H264AccessUnit> units = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(units::add);
        RtpPacket first = view(packets.get(0));
        depacketizer.receive(rtp(first.sequenceNumber() - 1, first.timestamp() - 1, true, hex("6588")));
        packets.forEach(depacketizer::receive);
        depacketizer.flush();
        assertThat(units).hasSize(2);
        return units.get(1).nals();
    }

    /** An RTP packet with PT 96 and SSRC 0x0A0B0C0D around a payload. */
    static byte[] rtp(int sequenceNumber, int timestamp, boolean marker, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        ByteBuffer.wrap(packet).put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | 96))
                .putShort((short) sequenceNumber).putInt(timestamp).putInt(SSRC).put(payload);
        return packet;
    }
}
