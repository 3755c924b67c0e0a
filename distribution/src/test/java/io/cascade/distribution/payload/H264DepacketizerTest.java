// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.H264PacketizerTest.nal;
import static io.cascade.distribution.payload.H264PacketizerTest.rtp;
import static io.cascade.distribution.payload.PayloadVectors.PPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.SPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.PooledBuffers;
import io.cascade.distribution.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakDetection.class)
class H264DepacketizerTest {
    /** An IDR slice whose slice header starts with first_mb_in_slice 0 (0x88: first bit 1). */
    private static final byte[] IDR = hex("65888400aa");
    /** The second slice of a picture: first_mb_in_slice is not 0 (0x00: first bit 0). */
    private static final byte[] IDR_SECOND_SLICE = hex("6500ee21aa");
    private static final byte[] SLICE = hex("419a2201");

    private final List<H264AccessUnit> units = new ArrayList<>();
    private final H264Depacketizer depacketizer = new H264Depacketizer(units::add);

    @Test
    void theRfc6184VectorsGiveTheirAccessUnitsBack() {
        PayloadVectors.H264_PACKETS.forEach(name -> depacketizer.receive(PayloadVectors.load(name)));
        assertThat(units).containsExactlyElementsOf(PayloadVectors.H264_ACCESS_UNITS);
        assertThat(units.get(0).keyframe()).isTrue();
        assertThat(depacketizer.stats()).isEqualTo(new DepacketizerStats(5, 0, 0, 0, 0, 2, 0, 0, 0));
        assertThat(depacketizer.needsKeyframe()).isFalse();
    }

    @Test
    void startsWaitingForAKeyframe() {
        assertThat(depacketizer.needsKeyframe()).isTrue();
        depacketizer.receive(rtp(1, 0, true, SLICE));
        assertThat(units).isEmpty();
        assertThat(depacketizer.stats().framesDroppedAwaitingKeyframe()).isOne();
        depacketizer.receive(rtp(2, 3000, true, IDR));
        assertThat(units).containsExactly(H264AccessUnit.of(3000, List.of(IDR)));
        assertThat(depacketizer.needsKeyframe()).isFalse();
    }

    @Test
    void aLostFuAFragmentDropsItsAccessUnitAndTheRestUntilTheNextIdr() {
        H264Packetizer packetizer = new H264Packetizer(new PacketizerConfig(96, 1, 100, 64), false);
        List<byte[]> keyframe = packetizer.packetize(0, List.of(SPS_640X360, PPS_640X360, IDR));
        List<byte[]> damaged = packetizer.packetize(3000, List.of(nal(0x41, 200))); // 4 FU-A fragments
        List<byte[]> intact = packetizer.packetize(6000, List.of(SLICE));
        List<byte[]> recovery = packetizer.packetize(9000, List.of(IDR));
        keyframe.forEach(depacketizer::receive);
        depacketizer.receive(damaged.get(0));
        depacketizer.receive(damaged.get(1));
        assertThat(depacketizer.needsKeyframe()).isFalse();
        depacketizer.receive(damaged.get(3)); // fragment 2 lost
        assertThat(depacketizer.needsKeyframe()).as("ask for a keyframe as soon as the gap shows").isTrue();
        intact.forEach(depacketizer::receive);
        recovery.forEach(depacketizer::receive);

        assertThat(units).extracting(H264AccessUnit::rtpTimestamp).containsExactly(0, 9000);
        assertThat(depacketizer.needsKeyframe()).isFalse();
        DepacketizerStats stats = depacketizer.stats();
        assertThat(stats.packetsLost()).isOne();
        assertThat(stats.framesDamaged()).isOne();
        assertThat(stats.framesDroppedAwaitingKeyframe()).isOne();
        assertThat(stats.frames()).isEqualTo(2);
    }

    @Test
    void anFuAMiddleWithoutItsStartIsDamageEvenWithoutAGap() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        depacketizer.receive(rtp(2, 3000, false, hex("5c01aabb"))); // FU indicator NRI 2, FU header S=0 E=0 type 1
        depacketizer.receive(rtp(3, 3000, true, hex("5c41ccdd"))); // E=1
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().framesDamaged()).isOne();
        assertThat(depacketizer.stats().packetsMalformed()).isZero();
        assertThat(depacketizer.needsKeyframe()).isTrue();
    }

    @Test
    void anFuAWithoutItsEndIsDamage() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        depacketizer.receive(rtp(2, 3000, false, hex("5c81aabb"))); // S=1, type 1
        depacketizer.receive(rtp(3, 3000, true, SLICE)); // a single NAL unit before the end came
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().framesDamaged()).isOne();
    }

    @Test
    void anFuAWithStartAndEndSetIsTakenAsWhole() {
        depacketizer.receive(rtp(1, 0, true, hex("7cc5" + "888400"))); // S=1 E=1 type 5: 65 88 84 00
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(hex("65888400"))));
    }

    @Test
    void aTimestampChangeEndsAnAccessUnitWhoseMarkerNeverCame() {
        depacketizer.receive(rtp(1, 0, false, IDR));
        depacketizer.receive(rtp(2, 0, false, hex("6500ee21")));
        assertThat(units).isEmpty();
        depacketizer.receive(rtp(3, 3000, false, SLICE));
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(IDR, hex("6500ee21"))));
        depacketizer.flush();
        assertThat(units).hasSize(2);
        assertThat(units.get(1)).isEqualTo(new H264AccessUnit(3000, false, List.of(SLICE)));
    }

    @Test
    void anIdrRightAfterAGapIsTakenWhenItStartsAtTheFirstMacroblock() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        depacketizer.receive(rtp(3, 6000, true, IDR)); // 2 lost, but this picture is whole from MB 0
        assertThat(units).extracting(H264AccessUnit::rtpTimestamp).containsExactly(0, 6000);
        assertThat(depacketizer.needsKeyframe()).isFalse();
    }

    @Test
    void anIdrWhoseFirstSliceWasLostIsDropped() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        // 2 (first slice of the IDR at 3000) lost; 3 is its second slice
        depacketizer.receive(rtp(3, 3000, true, IDR_SECOND_SLICE));
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().framesDroppedAwaitingKeyframe()).isOne();
        assertThat(depacketizer.needsKeyframe()).isTrue();
    }

    @Test
    void theFirstAccessUnitMayHaveBeenJoinedMidway() {
        depacketizer.receive(rtp(7, 0, true, IDR_SECOND_SLICE));
        depacketizer.receive(rtp(8, 3000, true, IDR));
        assertThat(units).extracting(H264AccessUnit::rtpTimestamp).containsExactly(3000);
    }

    @Test
    void lossBetweenAccessUnitsStillDropsUntilAKeyframe() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        depacketizer.receive(rtp(3, 6000, true, SLICE)); // the P frame at 3000 was lost
        depacketizer.receive(rtp(4, 9000, true, SLICE));
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().framesDroppedAwaitingKeyframe()).isEqualTo(2);
        assertThat(depacketizer.stats().framesDamaged()).isZero();
    }

    @Test
    void duplicatesAndLatePacketsAreIgnored() {
        depacketizer.receive(rtp(10, 0, false, IDR));
        depacketizer.receive(rtp(10, 0, false, IDR));
        depacketizer.receive(rtp(9, 0, false, SLICE));
        depacketizer.receive(rtp(11, 0, true, hex("6500ee21")));
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(IDR, hex("6500ee21"))));
        assertThat(depacketizer.stats().packetsStale()).isEqualTo(2);
        assertThat(depacketizer.stats().packetsLost()).isZero();
    }

    @Test
    void sequenceNumbersWrapWithoutLoss() {
        depacketizer.receive(rtp(65535, 0, false, IDR));
        depacketizer.receive(rtp(0, 0, true, hex("6500ee21")));
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().packetsLost()).isZero();
    }

    @Test
    void interleavedModePacketsAreUnsupportedAndDamage() {
        depacketizer.receive(rtp(1, 0, true, IDR));
        depacketizer.receive(rtp(2, 3000, true, hex("79" + "0001" + "0004" + "419a2201"))); // STAP-B: DON, size, NAL
        depacketizer.receive(rtp(3, 6000, true, hex("7d81" + "0001" + "aa"))); // FU-B
        assertThat(units).hasSize(1);
        assertThat(depacketizer.stats().packetsUnsupported()).isEqualTo(2);
        assertThat(depacketizer.stats().framesDamaged()).isEqualTo(2);
    }

    @Test
    void undefinedTypesAreIgnored() {
        depacketizer.receive(rtp(1, 0, false, hex("7e0102"))); // type 30
        depacketizer.receive(rtp(2, 0, false, hex("00"))); // type 0
        depacketizer.receive(rtp(3, 0, true, IDR));
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(IDR)));
        assertThat(depacketizer.stats().packetsUnsupported()).isEqualTo(2);
    }

    @Test
    void malformedStapAIsCountedAndDamages() {
        depacketizer.receive(rtp(1, 0, true, hex("78" + "0009" + "6588"))); // NALU size 9, 2 octets follow
        depacketizer.receive(rtp(2, 3000, true, hex("78" + "0000"))); // NALU size 0
        depacketizer.receive(rtp(3, 6000, true, hex("78"))); // no unit at all
        depacketizer.receive(rtp(4, 9000, true, hex("78" + "0002" + "6588" + "00"))); // a lone octet after
        depacketizer.receive(rtp(5, 12000, true, new byte[0])); // empty payload
        depacketizer.receive(rtp(6, 15000, true, hex("7c"))); // FU-A without its FU header
        assertThat(units).isEmpty();
        assertThat(depacketizer.stats().packetsMalformed()).isEqualTo(6);
        assertThat(depacketizer.stats().framesDamaged()).isEqualTo(6);
    }

    @Test
    void stapAUnitsArrivePerNalUnit() {
        depacketizer.receive(rtp(1, 0, true, hex("78" + "0002" + "09f0" + "0005" + "65888400aa")));
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(hex("09f0"), IDR)));
    }

    @Test
    void accessUnitsOverTheSizeCapAreDropped() {
        H264Depacketizer capped = new H264Depacketizer(units::add, 100, 3);
        capped.receive(rtp(1, 0, true, IDR));
        capped.receive(rtp(2, 3000, false, hex("7c85" + "aa".repeat(60))));
        capped.receive(rtp(3, 3000, true, hex("7c45" + "aa".repeat(60)))); // 121 octets in all
        capped.receive(rtp(4, 6000, true, hex("78" + "0002" + "09f0" + "0002" + "09f0" + "0002" + "09f0"
                + "0002" + "09f0"))); // four NAL units, cap 3
        capped.receive(rtp(5, 9000, true, hex("78" + "0002" + "09f0" + "0002" + "09f0" + "0005" + "65888400aa")));
        assertThat(units).extracting(H264AccessUnit::rtpTimestamp).containsExactly(0, 9000);
        assertThat(capped.stats().framesOversize()).isEqualTo(2);
        assertThat(units).allSatisfy(u -> assertThat(u.size()).isLessThanOrEqualTo(100));
    }

    @Test
    void theLatestParameterSetsAreKept() {
        assertThat(depacketizer.latestSps()).isNull();
        PayloadVectors.H264_PACKETS.forEach(name -> depacketizer.receive(PayloadVectors.load(name)));
        assertThat(depacketizer.latestSps()).isEqualTo(SPS_640X360);
        assertThat(depacketizer.latestPps()).isEqualTo(PPS_640X360);
        depacketizer.latestSps()[0] = 0;
        assertThat(depacketizer.latestSps()).as("a copy").isEqualTo(SPS_640X360);
    }

    @Test
    void pooledPacketsCanBeReleasedAsSoonAsReceiveReturns() {
        for (String name : PayloadVectors.H264_PACKETS) {
            ByteBuf pooled = PooledBuffers.of(PayloadVectors.load(name));
            try {
                depacketizer.receive(RtpPacket.decode(pooled));
            } finally {
                pooled.release();
            }
        }
        assertThat(units).containsExactlyElementsOf(PayloadVectors.H264_ACCESS_UNITS);
    }

    @Test
    void paddingIsNotPayload() {
        byte[] packet = rtp(1, 0, true, hex("65888400aa" + "000003"));
        packet[0] |= 0x20; // P bit: the last octet counts 3 octets of padding
        depacketizer.receive(packet);
        assertThat(units).containsExactly(H264AccessUnit.of(0, List.of(IDR)));
    }
}
