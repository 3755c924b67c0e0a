// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static io.cascade.ingest.rtmp.Messages.decodeAll;
import static io.cascade.ingest.rtmp.Messages.encodeAll;
import static io.cascade.ingest.rtmp.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four chunk header types, the three basic header forms and the extended timestamp (Adobe
 * RTMP spec 1.0 §5.3.1), byte for byte both ways.
 */
@ExtendWith(LeakDetection.class)
class ChunkHeaderGoldenTest {
    private static final RtmpLimits LIMITS = new RtmpLimits(65536, 1 << 20, 2 << 20, 64);

    private static ChunkDecoder decoder() {
        return new ChunkDecoder(LIMITS, PooledByteBufAllocator.DEFAULT);
    }

    private static byte[] abc() {
        return new byte[] {'a', 'b', 'c'};
    }

    @Test
    void eachHeaderTypeIsUsedWhenThePreviousMessageAllowsIt() {
        byte[] golden = HexVector.parse("""
                # message 1: first on chunk stream 3, so fmt 0 (§5.3.1.2.1)
                03           # basic header: fmt 0 | csid 3
                00 03 e8     # timestamp 1000
                00 00 03     # message length 3
                09           # type 9 (video)
                01 00 00 00  # message stream id 1, little-endian
                61 62 63     # payload 'abc'
                # message 2: length changes, so fmt 1 (§5.3.1.2.2)
                43           # fmt 1 | csid 3
                00 00 21     # timestamp delta 33
                00 00 02     # message length 2
                09           # type 9
                64 65        # 'de'
                # message 3: same length and type, new delta: fmt 2 (§5.3.1.2.3)
                83           # fmt 2 | csid 3
                00 00 22     # timestamp delta 34
                66 67        # 'fg'
                # message 4: same delta again: fmt 3 (§5.3.1.2.4), no message header
                c3           # fmt 3 | csid 3
                68 69        # 'hi'
                """);
        byte[] encoded = encodeAll(new ChunkEncoder(),
                message(3, 9, 1, 1000, abc()),
                message(3, 9, 1, 1033, new byte[] {'d', 'e'}),
                message(3, 9, 1, 1067, new byte[] {'f', 'g'}),
                message(3, 9, 1, 1101, new byte[] {'h', 'i'}));
        assertThat(encoded).isEqualTo(golden);

        List<Messages.Copy> decoded = decodeAll(decoder(), golden);
        assertThat(decoded).extracting(Messages.Copy::timestamp).containsExactly(1000L, 1033L, 1067L, 1101L);
        assertThat(decoded).extracting(Messages.Copy::streamId).containsOnly(1);
        assertThat(decoded).extracting(Messages.Copy::typeId).containsOnly(9);
        assertThat(decoded.get(3).bytes()).isEqualTo(new byte[] {'h', 'i'});
    }

    @Test
    void typeThreeRightAfterTypeZeroRepeatsTheAbsoluteTimestampAsTheDelta() {
        // FFmpeg and nginx-rtmp read it this way; the specification leaves it open.
        List<Messages.Copy> decoded = decodeAll(decoder(), HexVector.parse("""
                03 00 03 e8 00 00 01 09 01 00 00 00  # fmt 0, csid 3, timestamp 1000, length 1
                aa
                c3                                   # fmt 3: a new message, delta = 1000
                bb
                """));
        assertThat(decoded).extracting(Messages.Copy::timestamp).containsExactly(1000L, 2000L);
    }

    @Test
    void messagesLongerThanTheChunkSizeContinueInTypeThreeChunks() {
        byte[] body = new byte[300];
        body[0] = 1;
        body[299] = 2;
        byte[] encoded = encodeAll(new ChunkEncoder(), message(4, 8, 1, 0, body));
        assertThat(encoded).hasSize(12 + 128 + 1 + 128 + 1 + 44);
        assertThat(encoded[12 + 128]).as("continuation: fmt 3 | csid 4").isEqualTo((byte) 0xC4);
        assertThat(encoded[12 + 128 + 1 + 128]).isEqualTo((byte) 0xC4);
        assertThat(decodeAll(decoder(), encoded).get(0).bytes()).isEqualTo(body);
    }

    @Test
    void extendedTimestampFollowsTheHeaderAndEveryTypeThreeChunkOfTheMessage() {
        byte[] golden = HexVector.parse("""
                05           # fmt 0 | csid 5
                ff ff ff     # timestamp field 0xFFFFFF: look at the extended timestamp
                00 00 82     # message length 130
                08           # type 8 (audio)
                01 00 00 00  # stream 1
                01 00 00 00  # extended timestamp 0x01000000 (§5.3.1.3)
                """ + "00 ".repeat(128) + """
                c5           # fmt 3 | csid 5: continuation chunk
                01 00 00 00  # the extended timestamp again, as the last full header had one
                00 00        # the last 2 payload bytes
                """);
        ChunkEncoder encoder = new ChunkEncoder();
        assertThat(encodeAll(encoder, message(5, 8, 1, 0x01000000L, new byte[130]))).isEqualTo(golden);
        List<Messages.Copy> decoded = decodeAll(decoder(), golden);
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).timestamp()).isEqualTo(0x01000000L);
        assertThat(decoded.get(0).body()).hasSize(130);
    }

    @Test
    void extendedTimestampAtTheTopOfTheRangeStillFits() {
        byte[] encoded = encodeAll(new ChunkEncoder(), message(3, 20, 0, 0xFFFFFFFFL, abc()),
                message(3, 20, 0, 0xFFFFFFFFL, abc()));
        List<Messages.Copy> decoded = decodeAll(decoder(), encoded);
        assertThat(decoded).extracting(Messages.Copy::timestamp).containsExactly(0xFFFFFFFFL, 0xFFFFFFFFL);
    }

    @Test
    void timestampDeltasWrapAtTwoToTheThirtyTwo() {
        List<Messages.Copy> decoded = decodeAll(decoder(), HexVector.parse("""
                03 ff ff ff 00 00 01 09 01 00 00 00 ff ff ff f0  # fmt 0, extended timestamp 0xFFFFFFF0
                aa
                83 00 00 20                                      # fmt 2, delta 32
                bb
                """));
        assertThat(decoded).extracting(Messages.Copy::timestamp).containsExactly(0xFFFFFFF0L, 0x10L);
    }

    @Test
    void basicHeaderUsesOneTwoOrThreeBytes() {
        assertBasicHeader(new ChunkBasicHeader(1, 63), "7f           # fmt 1 | csid 63");
        assertBasicHeader(new ChunkBasicHeader(0, 64), "00 00        # fmt 0 | 0: csid = 64 + 0");
        assertBasicHeader(new ChunkBasicHeader(2, 319), "80 ff        # fmt 2 | 0: csid = 64 + 255");
        assertBasicHeader(new ChunkBasicHeader(3, 320), "c1 00 01     # fmt 3 | 1: csid = 64 + 0 + 256 * 1");
        assertBasicHeader(new ChunkBasicHeader(0, 65599), "01 ff ff  # fmt 0 | 1: csid = 64 + 255 + 256 * 255");
        // The three-byte form may carry a small id too; decoders accept it.
        assertThat(ChunkBasicHeader.get(Unpooled.wrappedBuffer(HexVector.parse("01 05 00")), 0))
                .isEqualTo(new ChunkBasicHeader(0, 69));
    }

    private static void assertBasicHeader(ChunkBasicHeader header, String hex) {
        byte[] golden = HexVector.parse(hex);
        var out = Unpooled.buffer();
        header.encode(out);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(golden);
        assertThat(ChunkBasicHeader.length(golden[0] & 0xFF)).isEqualTo(golden.length);
        assertThat(ChunkBasicHeader.get(Unpooled.wrappedBuffer(golden), 0)).isEqualTo(header);
    }

    @Test
    void aNewMessageStreamOrATimestampGoingBackForcesTypeZero() {
        byte[] encoded = encodeAll(new ChunkEncoder(),
                message(3, 20, 0, 100, abc()),
                message(3, 20, 1, 100, abc()),
                message(3, 20, 1, 50, abc()));
        assertThat(encoded[0]).isEqualTo((byte) 0x03);
        assertThat(encoded[15]).as("stream id changed").isEqualTo((byte) 0x03);
        assertThat(encoded[30]).as("timestamp went back").isEqualTo((byte) 0x03);
        assertThat(decodeAll(decoder(), encoded)).extracting(Messages.Copy::timestamp).containsExactly(100L, 100L, 50L);
    }
}
