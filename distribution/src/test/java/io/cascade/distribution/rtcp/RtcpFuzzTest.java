// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.Mutator;
import io.cascade.distribution.rtp.PooledBuffers;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzz target for compound RTCP decoding. Under {@code mvn test} Jazzer replays the corpus in
 * {@code RtcpFuzzTestInputs/compoundRoundTrip/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 * Properties: only {@link RtcpFormatException} escapes; a framing error found by the cursor is
 * the error decode reports; whatever decodes encodes to a datagram that decodes to equal values
 * and re-encodes to the same bytes.
 */
@ExtendWith(LeakDetection.class)
class RtcpFuzzTest {
    static final List<String> VECTORS = List.of("rfc3550-sender-report", "chrome-rr-sdes", "chrome-nack", "pli",
            "fir", "bye-with-reason", "compound-with-unknown-types", "padded-bye");

    @FuzzTest
    void compoundRoundTrip(byte[] data) {
        checkCompoundRoundTrip(data);
    }

    /** @return whether {@code data} decoded */
    private static boolean checkCompoundRoundTrip(byte[] data) {
        ByteBuf in = PooledBuffers.of(data);
        ByteBuf out = PooledBuffers.empty();
        ByteBuf again = PooledBuffers.empty();
        try {
            RtcpValidity framing = new RtcpCursor().validate(in, true);
            List<RtcpPacket> packets;
            try {
                packets = RtcpCompound.decode(in);
            } catch (RtcpFormatException e) {
                if (framing != RtcpValidity.VALID) {
                    assertThat(e).hasMessage(new RtcpFormatException(framing).getMessage());
                }
                assertThat(in.readerIndex()).isZero();
                return false;
            }
            assertThat(framing).isEqualTo(RtcpValidity.VALID);
            assertThat(in.isReadable()).isFalse();
            RtcpCompound.encode(packets, out);
            assertThat(out.readableBytes()).isEqualTo(RtcpCompound.encodedLength(packets));
            byte[] encoded = PooledBuffers.readable(out);
            assertThat(RtcpCompound.decode(out)).isEqualTo(packets);
            RtcpCompound.encode(packets, again);
            assertThat(PooledBuffers.readable(again)).isEqualTo(encoded);
            return true;
        } finally {
            in.release();
            out.release();
            again.release();
        }
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsOfTheGoldenVectorsKeepTheProperties() {
        Random random = new Random(4585);
        List<byte[]> seeds = VECTORS.stream().map(name -> HexVector.load("rtcp/" + name + ".hex")).toList();
        int decoded = 0;
        int inputs = 10_000;
        for (int i = 0; i < inputs; i++) {
            decoded += checkCompoundRoundTrip(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(decoded).as("mutations reach both the accept and the reject path")
                .isBetween(inputs / 10, inputs - inputs / 10);
    }

    @Test
    void seedCorpusHoldsEveryGoldenVector() throws IOException {
        for (String name : VECTORS) {
            String resource = "io/cascade/distribution/rtcp/RtcpFuzzTestInputs/compoundRoundTrip/" + name;
            try (InputStream seed = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(seed).as(resource).isNotNull();
                assertThat(seed.readAllBytes()).isEqualTo(HexVector.load("rtcp/" + name + ".hex"));
            }
        }
    }
}
