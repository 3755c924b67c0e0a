// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Decoder;
import io.cascade.ingest.amf.Amf0Value;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** Test shorthand: messages with heap payloads, and decoded copies that need no release. */
final class Messages {
    private Messages() {
    }

    /** A message whose payload is {@code body} (heap, unpooled). */
    static RtmpMessage message(int csid, int typeId, int streamId, long timestamp, byte[] body) {
        return new RtmpMessage(csid, typeId, streamId, timestamp, Unpooled.wrappedBuffer(body));
    }

    /** A message carrying {@code payload}'s encoding. */
    static RtmpMessage message(int csid, int streamId, long timestamp, RtmpPayload payload) {
        ByteBuf body = Unpooled.buffer();
        payload.encode(body);
        return new RtmpMessage(csid, payload.type().id(), streamId, timestamp, body);
    }

    /** A released-on-copy view of a decoded message, comparable with equals. */
    record Copy(int chunkStreamId, int typeId, int streamId, long timestamp, List<Byte> body) {
        static Copy of(RtmpMessage message) {
            byte[] bytes = ByteBufUtil.getBytes(message.payload());
            List<Byte> list = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                list.add(b);
            }
            return new Copy(message.chunkStreamId(), message.typeId(), message.streamId(), message.timestamp(), list);
        }

        byte[] bytes() {
            byte[] bytes = new byte[body.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = body.get(i);
            }
            return bytes;
        }

        List<Amf0Value> amf() {
            return Amf0Decoder.decodeAll(Unpooled.wrappedBuffer(bytes()));
        }
    }

    /** Decodes everything in {@code bytes}, copying and releasing each message. */
    static List<Copy> decodeAll(ChunkDecoder decoder, byte[] bytes) {
        List<Copy> out = new ArrayList<>();
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        decoder.decode(in, m -> {
            out.add(Copy.of(m));
            m.release();
        });
        return out;
    }

    /** Encodes the messages in order with {@code encoder}. */
    static byte[] encodeAll(ChunkEncoder encoder, RtmpMessage... messages) {
        ByteBuf out = Unpooled.buffer();
        for (RtmpMessage message : messages) {
            encoder.encode(message, out);
            message.release();
        }
        return ByteBufUtil.getBytes(out);
    }
}
