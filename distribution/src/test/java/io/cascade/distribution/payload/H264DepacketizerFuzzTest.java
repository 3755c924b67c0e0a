// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.rtp.Mutator;
import io.cascade.distribution.rtp.RtpFormatException;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for {@link H264Depacketizer}: an input is a sequence of datagrams
 * ({@link PacketSequence}). Under {@code mvn test} Jazzer replays the corpus in
 * {@code H264DepacketizerFuzzTestInputs/packetSequence/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 * Properties: only {@link RtpFormatException} escapes, and only for datagrams that are not RTP;
 * every access unit emitted keeps the caps, holds non-empty NAL units of types 1 to 23, has the
 * keyframe flag its NAL units say, and the counters add up; whatever comes out, packetized again
 * and depacketized by a fresh depacketizer, comes back equal.
 */
class H264DepacketizerFuzzTest {
    private static final int MAX_SIZE = 4096;
    private static final int MAX_NALS = 16;
    /** Seeds: the RFC 6184 vectors in order, and the same with the middle fragment lost. */
    static final List<String> SEEDS = List.of("rfc6184-vectors", "rfc6184-vectors-fragment-lost");

    @FuzzTest
    void packetSequence(byte[] data) {
        check(PacketSequence.split(data));
    }

    /** @return how many access units came out */
    private static int check(List<byte[]> packets) {
        List<H264AccessUnit> units = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(units::add, MAX_SIZE, MAX_NALS);
        int rtp = 0;
        for (byte[] packet : packets) {
            boolean valid = new RtpPacket().wrap(Unpooled.wrappedBuffer(packet)).validate() == RtpValidity.VALID;
            if (valid) {
                depacketizer.receive(packet);
                rtp++;
            } else {
                assertThatThrownBy(() -> depacketizer.receive(packet)).isInstanceOf(RtpFormatException.class);
            }
        }
        depacketizer.flush();
        DepacketizerStats stats = depacketizer.stats();
        assertThat(stats.packets() + stats.packetsStale()).isEqualTo(rtp);
        assertThat(stats.frames()).isEqualTo(units.size());
        for (H264AccessUnit unit : units) {
            assertThat(unit.size()).isLessThanOrEqualTo(MAX_SIZE);
            assertThat(unit.nals()).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_NALS)
                    .allSatisfy(nal -> assertThat(H264Nal.type(nal)).isBetween(1, 23));
            assertThat(unit.keyframe()).isEqualTo(H264Nal.containsIdr(unit.nals()));
        }
        if (!units.isEmpty()) {
            assertThat(units.get(0).keyframe()).as("nothing before the first keyframe").isTrue();
            assertThat(repacketized(units)).containsExactlyElementsOf(units);
        }
        return units.size();
    }

    /** The access units through a packetizer and a fresh depacketizer, after an IDR to start on. */
    private static List<H264AccessUnit> repacketized(List<H264AccessUnit> units) {
        H264Packetizer packetizer = new H264Packetizer(new PacketizerConfig(96, 1, 0, 64), false);
        List<H264AccessUnit> again = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(again::add, MAX_SIZE, MAX_NALS);
        packetizer.packetize(0, List.of(PayloadVectors.hex("6588"))).forEach(depacketizer::receive);
        for (H264AccessUnit unit : units) {
            packetizer.packetize(unit).forEach(depacketizer::receive);
        }
        return again.subList(1, again.size());
    }

    /** The seeds as the corpus holds them. */
    static byte[] seed(String name) {
        List<byte[]> packets = new ArrayList<>(PayloadVectors.H264_PACKETS.stream().map(PayloadVectors::load).toList());
        if (name.endsWith("fragment-lost")) {
            packets.remove(2);
        }
        return PacketSequence.join(packets);
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsOfTheVectorsKeepTheProperties() {
        Random random = new Random(6184);
        List<byte[]> seeds = SEEDS.stream().map(H264DepacketizerFuzzTest::seed).toList();
        int emitting = 0;
        int inputs = 5_000;
        for (int i = 0; i < inputs; i++) {
            emitting += check(PacketSequence.split(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random))) > 0
                    ? 1 : 0;
        }
        assertThat(emitting).as("mutations reach both the emit and the drop path")
                .isBetween(inputs / 10, inputs - inputs / 10);
    }

    @Test
    void seedCorpusHoldsTheVectors() throws IOException {
        for (String name : SEEDS) {
            String resource = "io/cascade/distribution/payload/H264DepacketizerFuzzTestInputs/packetSequence/" + name;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(in.readAllBytes()).isEqualTo(seed(name));
            }
        }
    }
}
