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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the AAC side: {@link AacDepacketizer} over datagram sequences
 * ({@link PacketSequence}), {@link AacFmtp#parse} and {@link AudioSpecificConfig#decode}. Corpus in
 * {@code AacFuzzTestInputs/<method>/}. Properties: only the typed exceptions escape ({@link
 * RtpFormatException} for datagrams that are not RTP, {@link PayloadFormatException} from the
 * parsers); access units come out 1 to 8191 octets long and the counters add up; what comes out
 * packetizes and depacketizes to the same; parse, format (or encode) and parse again gives an
 * equal value.
 */
class AacFuzzTest {
    /** Seeds per target: name, then its bytes. */
    static final Map<String, Map<String, byte[]>> SEEDS = Map.of(
            "depacketize", Map.of(
                    "rfc3640-vectors", PacketSequence.join(PayloadVectors.AAC_PACKETS.stream().map(PayloadVectors::load).toList())),
            "fmtpRoundTrip", Map.of(
                    "cascade", utf8("streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                            + "indexdeltalength=3;config=1210"),
                    "rfc3640-example", utf8("streamtype=5; profile-level-id=16; mode=AAC-hbr; config=11B0; "
                            + "sizeLength=13; indexLength=3; indexDeltaLength=3; constantDuration=1024")),
            "audioSpecificConfigRoundTrip", Map.of(
                    "aac-lc-44100-stereo", PayloadVectors.hex("1210"),
                    "aac-lc-48000-5.1", PayloadVectors.hex("11b0"),
                    "he-aac-explicit", PayloadVectors.hex("2b118800")));

    @FuzzTest
    void depacketize(byte[] data) {
        checkDepacketize(data);
    }

    @FuzzTest
    void fmtpRoundTrip(byte[] data) {
        checkFmtp(data);
    }

    @FuzzTest
    void audioSpecificConfigRoundTrip(byte[] data) {
        checkAudioSpecificConfig(data);
    }

    /** @return whether an access unit came out */
    private static boolean checkDepacketize(byte[] data) {
        List<AacAccessUnit> units = new ArrayList<>();
        AacDepacketizer depacketizer = new AacDepacketizer(units::add, 1024);
        int rtp = 0;
        for (byte[] packet : PacketSequence.split(data)) {
            if (new RtpPacket().wrap(Unpooled.wrappedBuffer(packet)).validate() == RtpValidity.VALID) {
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
        assertThat(units).allSatisfy(unit -> assertThat(unit.data().length).isBetween(1, AacPacketizer.MAX_ACCESS_UNIT_SIZE));
        AacPacketizer packetizer = new AacPacketizer(new PacketizerConfig(97, 1, 0, 64), 1024);
        List<AacAccessUnit> again = new ArrayList<>();
        AacDepacketizer fresh = new AacDepacketizer(again::add, 1024);
        units.forEach(unit -> packetizer.packetize(unit).forEach(fresh::receive));
        assertThat(again).containsExactlyElementsOf(units);
        return !units.isEmpty();
    }

    /** @return whether the text parsed */
    private static boolean checkFmtp(byte[] data) {
        AacFmtp fmtp;
        try {
            fmtp = AacFmtp.parse(new String(data, StandardCharsets.UTF_8));
        } catch (PayloadFormatException e) {
            return false;
        }
        assertThat(AacFmtp.parse(fmtp.format())).isEqualTo(fmtp);
        return true;
    }

    /** @return whether the config decoded */
    private static boolean checkAudioSpecificConfig(byte[] data) {
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.decode(data);
        } catch (PayloadFormatException e) {
            return false;
        }
        byte[] encoded = config.encode();
        assertThat(AudioSpecificConfig.decode(encoded)).isEqualTo(config);
        assertThat(AudioSpecificConfig.decode(encoded).encode()).isEqualTo(encoded);
        return true;
    }

    @Test
    void seededMutationsKeepTheProperties() {
        Random random = new Random(3640);
        assertBothPaths("depacketize", AacFuzzTest::checkDepacketize, random);
        assertBothPaths("fmtpRoundTrip", AacFuzzTest::checkFmtp, random);
        assertBothPaths("audioSpecificConfigRoundTrip", AacFuzzTest::checkAudioSpecificConfig, random);
    }

    private static void assertBothPaths(String target, Predicate<byte[]> check, Random random) {
        List<byte[]> seeds = List.copyOf(SEEDS.get(target).values());
        int accepted = 0;
        int inputs = 5_000;
        for (int i = 0; i < inputs; i++) {
            accepted += check.test(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(accepted).as(target + ": mutations reach both the accept and the reject path")
                .isBetween(inputs / 20, inputs - inputs / 20);
    }

    @Test
    void seedCorpusHoldsTheSeeds() throws IOException {
        for (var target : SEEDS.entrySet()) {
            for (var seed : target.getValue().entrySet()) {
                String resource = "io/cascade/distribution/payload/AacFuzzTestInputs/" + target.getKey() + "/" + seed.getKey();
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    assertThat(in).as(resource).isNotNull();
                    assertThat(in.readAllBytes()).isEqualTo(seed.getValue());
                }
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
