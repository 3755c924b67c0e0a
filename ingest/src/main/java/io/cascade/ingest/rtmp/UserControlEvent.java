// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * User Control Message (Adobe RTMP spec 1.0 §6.2, §7.1.7; type 4): a 16-bit event type and its
 * data. The events with a stream id (Stream Begin 0, Stream EOF 1, Stream Dry 2, Stream Is
 * Recorded 4) and the pings (Ping Request 6, Ping Response 7, a timestamp) carry one 32-bit
 * value; Set Buffer Length (3) carries a stream id and a length in milliseconds. Other event
 * types decode with their first 32 bits, if any, in {@code value}.
 *
 * @param eventType      the event type
 * @param value          the stream id or timestamp
 * @param bufferLengthMs for Set Buffer Length, the buffer length; otherwise 0
 */
public record UserControlEvent(int eventType, long value, long bufferLengthMs) implements RtmpPayload {
    public static final int STREAM_BEGIN = 0;
    public static final int STREAM_EOF = 1;
    public static final int STREAM_DRY = 2;
    public static final int SET_BUFFER_LENGTH = 3;
    public static final int STREAM_IS_RECORDED = 4;
    public static final int PING_REQUEST = 6;
    public static final int PING_RESPONSE = 7;

    /** Stream Begin for {@code streamId}: the stream is ready (sent before NetStream.Publish.Start). */
    public static UserControlEvent streamBegin(int streamId) {
        return new UserControlEvent(STREAM_BEGIN, streamId, 0);
    }

    public static UserControlEvent decode(ByteBuf in) {
        ControlFields.need(in, 2, "userControl.eventType");
        int type = in.readUnsignedShort();
        if (type == SET_BUFFER_LENGTH) {
            ControlFields.need(in, 8, "userControl.setBufferLength");
            return new UserControlEvent(type, in.readUnsignedInt(), in.readUnsignedInt());
        }
        if (type <= PING_RESPONSE) {
            ControlFields.need(in, 4, "userControl.eventData");
            return new UserControlEvent(type, in.readUnsignedInt(), 0);
        }
        return new UserControlEvent(type, in.readableBytes() >= 4 ? in.readUnsignedInt() : 0, 0);
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.USER_CONTROL;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShort(eventType);
        out.writeInt((int) value);
        if (eventType == SET_BUFFER_LENGTH) {
            out.writeInt((int) bufferLengthMs);
        }
    }
}
