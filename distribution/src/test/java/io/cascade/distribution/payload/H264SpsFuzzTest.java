// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.rtp.Mutator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for {@link H264Sps#parse}. Corpus: {@code H264SpsFuzzTestInputs/parse/}, the x264
 * vectors. Properties: only {@link PayloadFormatException} escapes; the picture is at least one
 * sample and at most what the caps allow; the first three RBSP octets are profile, flags and
 * level, and the codecs string spells them; parsing depends on the RBSP only, so escaping it again
 * canonically parses to the same value.
 */
class H264SpsFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        check(data);
    }

    /** @return whether {@code data} parsed */
    private static boolean check(byte[] data) {
        H264Sps sps;
        try {
            sps = H264Sps.parse(data);
        } catch (PayloadFormatException e) {
            assertThat(e.field()).isNotBlank();
            return false;
        }
        assertThat(sps.width()).isBetween(1, 16 * H264Sps.MAX_MBS_PER_SIDE);
        assertThat(sps.height()).isBetween(1, 2 * 16 * H264Sps.MAX_MBS_PER_SIDE);
        byte[] rbsp = H264Nal.toRbsp(data, 1, data.length);
        assertThat(new int[] {sps.profileIdc(), sps.constraintFlags(), sps.levelIdc()})
                .containsExactly(rbsp[0] & 0xFF, rbsp[1] & 0xFF, rbsp[2] & 0xFF);
        assertThat(sps.codecs()).matches("avc1\\.[0-9a-f]{6}")
                .isEqualTo("avc1.%02x%02x%02x".formatted(rbsp[0] & 0xFF, rbsp[1] & 0xFF, rbsp[2] & 0xFF));
        if (sps.timing() != null) {
            assertThat(sps.frameRate()).isPositive();
        }
        byte[] canonical = H264Nal.fromRbsp(rbsp);
        byte[] again = new byte[1 + canonical.length];
        again[0] = data[0];
        System.arraycopy(canonical, 0, again, 1, canonical.length);
        assertThat(H264Sps.parse(again)).isEqualTo(sps);
        return true;
    }

    @Test
    void seededMutationsOfTheVectorsKeepTheProperties() {
        Random random = new Random(1449610);
        List<byte[]> seeds = PayloadVectors.SPS.stream().map(PayloadVectors::load).toList();
        int parsed = 0;
        int inputs = 10_000;
        for (int i = 0; i < inputs; i++) {
            parsed += check(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(parsed).as("mutations reach both the accept and the reject path")
                .isBetween(inputs / 10, inputs - inputs / 10);
    }

    @Test
    void seedCorpusHoldsTheVectors() throws IOException {
        for (String name : PayloadVectors.SPS) {
            String resource = "io/cascade/distribution/payload/H264SpsFuzzTestInputs/parse/" + name;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(in.readAllBytes()).isEqualTo(PayloadVectors.load(name));
            }
        }
    }
}
