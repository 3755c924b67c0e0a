// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static io.cascade.ingest.rtmp.Messages.decodeAll;
import static io.cascade.ingest.rtmp.Messages.encodeAll;
import static io.cascade.ingest.rtmp.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The chunk decoder's state rules and hard limits, each failing with its close reason. */
@ExtendWith(LeakDetection.class)
class ChunkDecoderLimitsTest {
    private static final RtmpLimits LIMITS = new RtmpLimits(65536, 4096, 16384, 8);

    private static ChunkDecoder decoder() {
        return new ChunkDecoder(LIMITS, PooledByteBufAllocator.DEFAULT);
    }

    private static void assertRefused(ChunkDecoder decoder, byte[] bytes, CloseReason reason, String field) {
        try {
            assertThatThrownBy(() -> decodeAll(decoder, bytes)).isInstanceOf(RtmpProtocolException.class)
                    .satisfies(e -> {
                        assertThat(((RtmpProtocolException) e).reason()).isEqualTo(reason);
                        assertThat(((RtmpProtocolException) e).field()).isEqualTo(field);
                    });
        } finally {
            decoder.release();
        }
    }

    @Test
    void setChunkSizeAppliesToTheNextChunkInTheSameRead() {
        byte[] body = new byte[200];
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] setChunkSize = encodeAll(encoder, message(2, 0, 0, new SetChunkSize(256)));
        encoder.chunkSize(256);
        byte[] big = encodeAll(encoder, message(4, 9, 1, 0, body));
        assertThat(big).hasSize(12 + 200);
        ChunkDecoder decoder = decoder();
        List<Messages.Copy> decoded = decodeAll(decoder, concat(setChunkSize, big));
        assertThat(decoded).extracting(Messages.Copy::typeId).containsExactly(1, 9);
        assertThat(decoder.chunkSize()).isEqualTo(256);
    }

    @Test
    void setChunkSizeOfZeroIsAProtocolError() {
        assertRefused(decoder(), HexVector.parse("02 000000 000004 01 00000000  00 00 00 00"),
                CloseReason.PROTOCOL_ERROR, "chunkSize");
    }

    @Test
    void setChunkSizeAboveTheLimitIsRefused() {
        assertRefused(decoder(), HexVector.parse("02 000000 000004 01 00000000  7f ff ff ff"),
                CloseReason.CHUNK_SIZE_LIMIT, "chunkSize");
    }

    @Test
    void setChunkSizeWithTheTopBitSetIsAProtocolError() {
        assertRefused(decoder(), HexVector.parse("02 000000 000004 01 00000000  80 00 10 00"),
                CloseReason.PROTOCOL_ERROR, "chunkSize");
    }

    @Test
    void messageLengthAboveTheLimitIsRefusedFromTheHeaderAlone() {
        assertRefused(decoder(), HexVector.parse("03 000000 ffffff 09 01000000"), CloseReason.MESSAGE_SIZE_LIMIT,
                "messageLength");
    }

    @Test
    void moreChunkStreamsThanTheLimitAreRefused() {
        ByteBuf in = Unpooled.buffer();
        for (int csid = 2; csid < 2 + LIMITS.maxChunkStreams() + 1; csid++) {
            new ChunkBasicHeader(0, csid).encode(in);
            new ChunkMessageHeader(0, 0, 1, 9, 1).encode(in);
            in.writeByte(0);
        }
        assertRefused(decoder(), io.netty.buffer.ByteBufUtil.getBytes(in), CloseReason.CHUNK_STREAM_LIMIT,
                "chunkStreamId");
    }

    @Test
    void aChunkStreamMustStartWithATypeZeroHeader() {
        assertRefused(decoder(), HexVector.parse("43 000000 000001 09 aa"), CloseReason.PROTOCOL_ERROR, "fmt");
        assertRefused(decoder(), HexVector.parse("c3 aa"), CloseReason.PROTOCOL_ERROR, "fmt");
    }

    @Test
    void aNewHeaderInsideAMessageIsAProtocolError() {
        byte[] bytes = HexVector.parse("""
                03 000000 0000c8 09 01000000  # length 200: the first chunk carries 128
                """ + "00 ".repeat(128) + """
                43 000000 000001 09 00        # fmt 1 where a continuation belongs
                """);
        assertRefused(decoder(), bytes, CloseReason.PROTOCOL_ERROR, "fmt");
    }

    @Test
    void incompleteMessagesBeyondThePendingLimitAreRefused() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuf in = Unpooled.buffer();
        // Five chunk streams each start a 4096-byte message with its first 128-byte chunk and
        // never finish it: 640 bytes held, above a limit of 600.
        RtmpLimits tight = new RtmpLimits(65536, 4096, 600, 8);
        for (int csid = 2; csid < 7; csid++) {
            RtmpMessage m = message(csid, 9, 1, 0, new byte[4096]);
            ByteBuf whole = Unpooled.buffer();
            encoder.encode(m, whole);
            m.release();
            in.writeBytes(whole, 0, 12 + 128);
        }
        ChunkDecoder decoder = new ChunkDecoder(tight, PooledByteBufAllocator.DEFAULT);
        assertRefused(decoder, io.netty.buffer.ByteBufUtil.getBytes(in), CloseReason.PENDING_BYTES_LIMIT,
                "messageLength");
    }

    @Test
    void abortDropsThePartialMessageOfItsChunkStream() {
        byte[] bytes = HexVector.parse("""
                04 000000 0000c8 09 01000000  # csid 4: a 200-byte message begins
                """ + "11 ".repeat(128) + """
                02 000000 000004 02 00000000  # Abort Message (type 2) ...
                00 00 00 04                   # ... for chunk stream 4
                44 000000 000001 09 22        # csid 4 starts afresh (fmt 1 is fine: it has a header)
                """);
        ChunkDecoder decoder = decoder();
        List<Messages.Copy> decoded = decodeAll(decoder, bytes);
        assertThat(decoded).extracting(Messages.Copy::typeId).containsExactly(2, 9);
        assertThat(decoded.get(1).bytes()).containsExactly(0x22);
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void anIncompleteChunkStaysUnreadUntilTheRestArrives() {
        byte[] whole = encodeAll(new ChunkEncoder(), message(3, 9, 1, 7, new byte[300]),
                message(5, 8, 1, 9, new byte[10]));
        ChunkDecoder decoder = decoder();
        ByteBuf in = Unpooled.buffer();
        List<Messages.Copy> decoded = new ArrayList<>();
        for (byte b : whole) {
            in.writeByte(b);
            decoder.decode(in, m -> {
                decoded.add(Messages.Copy.of(m));
                m.release();
            });
            in.discardReadBytes();
        }
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).body()).hasSize(300);
        assertThat(decoded.get(1).timestamp()).isEqualTo(9);
        assertThat(in.isReadable()).isFalse();
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void interleavedChunkStreamsReassembleIndependently() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuf video = Unpooled.buffer();
        RtmpMessage v = message(6, 9, 1, 40, new byte[200]);
        encoder.encode(v, video);
        v.release();
        byte[] audio = encodeAll(encoder, message(4, 8, 1, 41, new byte[] {1, 2, 3}));
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(video, 0, 12 + 128);   // first video chunk
        in.writeBytes(audio);                // a whole audio message in between
        in.writeBytes(video, 140, video.readableBytes() - 140); // the video continuation
        List<Messages.Copy> decoded = decodeAll(decoder(), io.netty.buffer.ByteBufUtil.getBytes(in));
        assertThat(decoded).extracting(Messages.Copy::typeId).containsExactly(8, 9);
        assertThat(decoded.get(1).body()).hasSize(200);
    }

    @Test
    void zeroLengthMessagesAreDelivered() {
        List<Messages.Copy> decoded = decodeAll(decoder(), HexVector.parse("03 000000 000000 12 01000000"));
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).body()).isEmpty();
    }

    @Test
    void releaseFreesPartlyReceivedMessages() {
        ChunkDecoder decoder = decoder();
        decodeAll(decoder, HexVector.parse("03 000000 000200 09 01000000" + " 00".repeat(128)));
        assertThat(decoder.pendingBytes()).isEqualTo(128);
        decoder.release();
        assertThat(decoder.pendingBytes()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
