// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static io.cascade.ingest.rtmp.Messages.decodeAll;
import static io.cascade.ingest.rtmp.Messages.encodeAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FFmpeg 5.1's real connect-to-publish sequence (ffmpeg-publish-commands.hex), decoded and re-encoded. */
@ExtendWith(LeakDetection.class)
class FfmpegCommandSequenceTest {
    private static final byte[] CAPTURE = HexVector.load("io/cascade/ingest/rtmp/ffmpeg-publish-commands.hex");

    private static List<Messages.Copy> decoded() {
        ChunkDecoder decoder = new ChunkDecoder(new RtmpLimits(65536, 1 << 20, 2 << 20, 64),
                PooledByteBufAllocator.DEFAULT);
        return decodeAll(decoder, CAPTURE);
    }

    private static CommandMessage command(Messages.Copy copy) {
        return CommandMessage.decode(Unpooled.wrappedBuffer(copy.bytes()), false);
    }

    @Test
    void decodesIntoTheSixMessagesOfAPublish() {
        List<Messages.Copy> messages = decoded();
        assertThat(messages).extracting(Messages.Copy::typeId).containsExactly(20, 1, 20, 20, 20, 20);
        assertThat(messages).extracting(Messages.Copy::chunkStreamId).containsExactly(3, 2, 3, 3, 3, 8);
        assertThat(messages).extracting(Messages.Copy::streamId).containsExactly(0, 0, 0, 0, 0, 1);

        CommandMessage connect = command(messages.get(0));
        assertThat(connect.name()).isEqualTo("connect");
        assertThat(connect.transactionId()).isEqualTo(1.0);
        Amf0Object object = (Amf0Object) connect.commandObject();
        assertThat(object.string("app")).isEqualTo("live");
        assertThat(object.string("type")).isEqualTo("nonprivate");
        assertThat(object.string("flashVer")).isEqualTo("FMLE/3.0 (compatible; Lavf59.27.100)");
        assertThat(object.string("tcUrl")).isEqualTo("rtmp://127.0.0.1:41461/live");

        assertThat(SetChunkSize.decode(Unpooled.wrappedBuffer(messages.get(1).bytes()), 65536).size()).isEqualTo(4096);
        assertThat(List.of(command(messages.get(2)), command(messages.get(3)), command(messages.get(4))))
                .extracting(CommandMessage::name, CommandMessage::transactionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("releaseStream", 2.0),
                        org.assertj.core.groups.Tuple.tuple("FCPublish", 3.0),
                        org.assertj.core.groups.Tuple.tuple("createStream", 4.0));
        CommandMessage publish = command(messages.get(5));
        assertThat(publish.name()).isEqualTo("publish");
        assertThat(publish.commandObject()).isEqualTo(Amf0Null.INSTANCE);
        assertThat(publish.arguments()).containsExactly(new Amf0String("KEY"), new Amf0String("live"));
    }

    @Test
    void reEncodingTheDecodedMessagesReproducesFfmpegsBytes() {
        List<Messages.Copy> messages = decoded();
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] first = encodeAll(encoder, Messages.message(3, 20, 0, 0, messages.get(0).bytes()),
                Messages.message(2, 1, 0, 0, messages.get(1).bytes()));
        encoder.chunkSize(4096);
        byte[] rest = encodeAll(encoder, messages.subList(2, 6).stream()
                .map(m -> Messages.message(m.chunkStreamId(), m.typeId(), m.streamId(), m.timestamp(), m.bytes()))
                .toArray(RtmpMessage[]::new));
        byte[] all = new byte[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        assertThat(all).isEqualTo(CAPTURE);
    }

    @Test
    void commandsReEncodeToTheirAmfBytes() {
        for (Messages.Copy message : decoded()) {
            if (message.typeId() != 20) {
                continue;
            }
            var out = Unpooled.buffer();
            command(message).encode(out);
            assertThat(io.netty.buffer.ByteBufUtil.getBytes(out)).isEqualTo(message.bytes());
        }
    }
}
