// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packetize, then depacketize: the access units come back equal, for every size that matters. */
class H264RoundTripTest {

    @ParameterizedTest(name = "max packet size {0}")
    @ValueSource(ints = {64, 200, 1200, 1500, 9000})
    void accessUnitsOfEverySizeComeBackEqual(int maxPacketSize) {
        int maxPayload = maxPacketSize - 12;
        List<H264AccessUnit> input = new ArrayList<>();
        int timestamp = 0;
        // The boundaries: one octet, a full STAP-A, exactly one payload, one octet over, 100 KB IDRs.
        int[] sizes = {1, 2, maxPayload - 3, maxPayload - 2, maxPayload - 1, maxPayload, maxPayload + 1,
            2 * maxPayload, 2 * (maxPayload - 2) + 1, 100_000, 100_001};
        input.add(H264AccessUnit.of(timestamp, List.of(idr(100_000))));
        for (int size : sizes) {
            timestamp += 3000;
            input.add(H264AccessUnit.of(timestamp, List.of(slice(size))));
            timestamp += 3000;
            input.add(H264AccessUnit.of(timestamp, List.of(sei(size), idr(size + 1), slice(1))));
        }
        assertThat(roundTrip(input, maxPacketSize)).containsExactlyElementsOf(input);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void randomAccessUnitsComeBackEqual(int seed) {
        Random random = new Random(seed);
        int maxPacketSize = 64 + random.nextInt(1500);
        List<H264AccessUnit> input = new ArrayList<>();
        input.add(H264AccessUnit.of(0, List.of(PayloadVectors.SPS_640X360, PayloadVectors.PPS_640X360, idr(5000))));
        for (int i = 1; i < 300; i++) {
            List<byte[]> nals = new ArrayList<>();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                int size = random.nextInt(4) == 0 ? 1 + random.nextInt(60_000) : 1 + random.nextInt(300);
                nals.add(random.nextInt(10) == 0 ? idr(size) : slice(size));
            }
            input.add(H264AccessUnit.of(3000 * i, nals));
        }
        assertThat(roundTrip(input, maxPacketSize)).containsExactlyElementsOf(input);
    }

    static List<H264AccessUnit> roundTrip(List<H264AccessUnit> input, int maxPacketSize) {
        H264Packetizer packetizer = new H264Packetizer(new PacketizerConfig(96, 7, 65000, maxPacketSize), false);
        List<H264AccessUnit> output = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(output::add);
        for (H264AccessUnit unit : input) {
            for (byte[] packet : packetizer.packetize(unit)) {
                assertThat(packet.length).isLessThanOrEqualTo(maxPacketSize);
                depacketizer.receive(packet);
            }
        }
        assertThat(depacketizer.stats().packetsLost()).isZero();
        assertThat(depacketizer.stats().framesDamaged()).isZero();
        return output;
    }

    /** An IDR slice starting at macroblock 0 (second octet's top bit set), filler after. */
    private static byte[] idr(int size) {
        byte[] nal = filler(size, 0x65);
        if (size > 1) {
            nal[1] |= (byte) 0x80;
        }
        return nal;
    }

    private static byte[] slice(int size) {
        return filler(size, 0x41);
    }

    private static byte[] sei(int size) {
        return filler(size, 0x06);
    }

    private static byte[] filler(int size, int header) {
        byte[] nal = new byte[size];
        new Random(size * 31L + header).nextBytes(nal);
        nal[0] = (byte) header;
        return nal;
    }
}
