// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.PooledBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts and lengths inside well-framed packets that do not add up: each gives a typed exception
 * naming the field, never an IndexOutOfBoundsException.
 */
@ExtendWith(LeakDetection.class)
class RtcpBadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // SR whose body stops inside the sender info
        "sender info cut short      | 80 c8 00 02 12 34 56 78 e7 5f 2c 80                         | length",
        // RR with RC=2 but room for no block
        "report count lies          | 82 c9 00 01 00 00 00 01                                     | reportCount",
        "RR without its SSRC        | 80 c9 00 00                                                 | length",
        // SDES item claiming 255 octets
        "SDES item runs past        | 81 ca 00 02 00 00 00 01 01 ff 61 62                         | itemLength",
        // SDES chunk with items but no null terminator
        "SDES chunk unterminated    | 81 ca 00 02 00 00 00 01 01 02 61 62                         | chunk",
        // SDES SC=2 with one chunk present
        "SDES source count lies     | 82 ca 00 02 00 00 00 01 01 01 61 00                         | chunk",
        // SDES SC=0 with a chunk present
        "SDES octets after chunks   | 80 ca 00 02 00 00 00 01 01 01 61 00                         | sourceCount",
        // SDES type octet is the last octet: no length octet
        "SDES item without length   | 81 ca 00 01 00 00 00 01                                     | chunk",
        // BYE SC=3 with two SSRCs
        "BYE source count lies      | 83 cb 00 02 12 34 56 78 9a bc de f0                         | sourceCount",
        // BYE reason length 10 in 3 octets
        "BYE reason runs past       | 81 cb 00 02 12 34 56 78 0a 61 62 63                         | reasonLength",
        // BYE reason followed by a whole spare word
        "BYE words after reason     | 81 cb 00 03 12 34 56 78 02 61 62 00 00 00 00 00             | reasonLength",
        "NACK without entries       | 81 cd 00 02 00 00 00 01 12 34 56 78                         | fci",
        "NACK without media SSRC    | 81 cd 00 01 00 00 00 01                                     | length",
        "PLI with an FCI            | 81 ce 00 03 00 00 00 01 12 34 56 78 00 00 00 00             | length",
        "FIR with half an entry     | 84 ce 00 03 00 00 00 01 00 00 00 00 12 34 56 78             | fci",
        "FIR without entries        | 84 ce 00 02 00 00 00 01 00 00 00 00                         | fci",
    })
    void rejectsWithTheFieldNamed(String description, String hex, String field) {
        ByteBuf buf = PooledBuffers.of(HexVector.parse(hex));
        try {
            assertThat(new RtcpCursor().validate(buf, true)).as("framing itself is fine").isEqualTo(RtcpValidity.VALID);
            RtcpFormatException e = RtcpTestSupport.decodeFailure(buf);
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        } finally {
            buf.release();
        }
    }

    @Test
    void sdesChunkWithNoItemsIsFourNullOctets() {
        ByteBuf buf = PooledBuffers.of(HexVector.parse("81 ca 00 02 00 00 00 07 00 00 00 00"));
        try {
            assertThat(RtcpCompound.decode(buf)).containsExactly(
                    new SourceDescription(java.util.List.of(new SdesChunk(7, java.util.List.of()))));
        } finally {
            buf.release();
        }
    }

    @Test
    void everyTruncationOfAGoldenVectorFailsTyped() {
        for (String vector : RtcpFuzzTest.VECTORS) {
            byte[] wire = HexVector.load("rtcp/" + vector + ".hex");
            ByteBuf whole = PooledBuffers.of(wire);
            try {
                for (int length = 0; length < wire.length; length++) {
                    ByteBuf cut = whole.slice(0, length);
                    if (new RtcpCursor().validate(cut, true) != RtcpValidity.VALID) {
                        RtcpTestSupport.decodeFailure(cut);
                    }
                }
            } finally {
                whole.release();
            }
        }
    }
}
