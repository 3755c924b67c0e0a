// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * One reassembled RTMP message (Adobe RTMP spec 1.0 §6.1): its header fields and its payload.
 * Whoever holds the message owns {@code payload} and must release it once.
 *
 * @param chunkStreamId the chunk stream it arrived on (or is to be sent on)
 * @param typeId        the message type id (see {@link RtmpMessageType})
 * @param streamId      the message stream id
 * @param timestamp     the 32-bit timestamp, as an unsigned value in a long
 * @param payload       the message body
 */
public record RtmpMessage(int chunkStreamId, int typeId, int streamId, long timestamp, ByteBuf payload) {

    /** The known type, or null. */
    public RtmpMessageType type() {
        return RtmpMessageType.lookup(typeId);
    }

    /** Releases the payload. */
    public void release() {
        payload.release();
    }
}
