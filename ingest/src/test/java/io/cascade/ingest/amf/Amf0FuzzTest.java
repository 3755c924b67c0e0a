// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.Mutator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for AMF0. Under {@code mvn test} Jazzer replays {@code Amf0FuzzTestInputs/roundTrip/};
 * with {@code JAZZER_FUZZ=1} it fuzzes. Property: decoding throws nothing but
 * {@link Amf0Exception}; whatever decodes encodes to bytes that decode to equal values and
 * re-encode to the same bytes.
 */
class Amf0FuzzTest {
    private static final List<String> SEEDS = List.of("ffmpeg-onmetadata", "ffmpeg-connect", "ffmpeg-publish",
            "date-and-strict-array", "nested-object", "long-string", "undefined-null-boolean");

    @FuzzTest
    void roundTrip(byte[] data) {
        checkRoundTrip(data);
    }

    /** @return whether {@code data} decoded */
    private static boolean checkRoundTrip(byte[] data) {
        List<Amf0Value> values;
        try {
            values = Amf0Decoder.decodeAll(Unpooled.wrappedBuffer(data));
        } catch (Amf0Exception expected) {
            return false;
        }
        byte[] encoded = encode(values);
        List<Amf0Value> again = Amf0Decoder.decodeAll(Unpooled.wrappedBuffer(encoded));
        assertThat(again).isEqualTo(values);
        assertThat(encode(again)).isEqualTo(encoded);
        return true;
    }

    private static byte[] encode(List<Amf0Value> values) {
        ByteBuf out = Unpooled.buffer();
        values.forEach(value -> value.encode(out));
        return ByteBufUtil.getBytes(out);
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsOfTheCorpusKeepTheRoundTrip() {
        Random random = new Random(20);
        List<byte[]> seeds = SEEDS.stream()
                .map(name -> HexVector.resource("io/cascade/ingest/amf/Amf0FuzzTestInputs/roundTrip/" + name)).toList();
        int decoded = 0;
        int inputs = 20_000;
        for (int i = 0; i < inputs; i++) {
            decoded += checkRoundTrip(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(decoded).as("mutations reach both paths").isBetween(inputs / 20, inputs - inputs / 20);
    }

    @Test
    void corpusHoldsFfmpegsMetadata() {
        assertThat(HexVector.resource("io/cascade/ingest/amf/Amf0FuzzTestInputs/roundTrip/ffmpeg-onmetadata"))
                .isEqualTo(HexVector.load("io/cascade/ingest/amf/ffmpeg-onmetadata.hex"));
    }
}
