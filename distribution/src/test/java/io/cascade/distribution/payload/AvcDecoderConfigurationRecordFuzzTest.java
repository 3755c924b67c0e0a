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
 * Fuzz target for {@link AvcDecoderConfigurationRecord}. Corpus:
 * {@code AvcDecoderConfigurationRecordFuzzTestInputs/decodeRoundTrip/}, the avcC vectors.
 * Properties: only {@link PayloadFormatException} escapes; what decodes encodes to bytes that
 * decode to an equal record and encode to the same bytes again; encoding only sets reserved bits
 * and drops trailing octets, so it is never longer than the input.
 */
class AvcDecoderConfigurationRecordFuzzTest {

    @FuzzTest
    void decodeRoundTrip(byte[] data) {
        check(data);
    }

    /** @return whether {@code data} decoded */
    private static boolean check(byte[] data) {
        AvcDecoderConfigurationRecord record;
        try {
            record = AvcDecoderConfigurationRecord.decode(data);
        } catch (PayloadFormatException e) {
            assertThat(e.field()).isNotBlank();
            return false;
        }
        byte[] encoded = record.encode();
        assertThat(encoded.length).isLessThanOrEqualTo(data.length);
        AvcDecoderConfigurationRecord again = AvcDecoderConfigurationRecord.decode(encoded);
        assertThat(again).isEqualTo(record);
        assertThat(again.hashCode()).isEqualTo(record.hashCode());
        assertThat(again.encode()).isEqualTo(encoded);
        return true;
    }

    @Test
    void seededMutationsOfTheVectorsKeepTheProperties() {
        Random random = new Random(1449615);
        List<byte[]> seeds = PayloadVectors.AVCC.stream().map(PayloadVectors::load).toList();
        int decoded = 0;
        int inputs = 10_000;
        for (int i = 0; i < inputs; i++) {
            decoded += check(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(decoded).as("mutations reach both the accept and the reject path")
                .isBetween(inputs / 10, inputs - inputs / 10);
    }

    @Test
    void seedCorpusHoldsTheVectors() throws IOException {
        for (String name : PayloadVectors.AVCC) {
            String resource = "io/cascade/distribution/payload/AvcDecoderConfigurationRecordFuzzTestInputs/decodeRoundTrip/"
                    + name;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(in.readAllBytes()).isEqualTo(PayloadVectors.load(name));
            }
        }
    }
}
