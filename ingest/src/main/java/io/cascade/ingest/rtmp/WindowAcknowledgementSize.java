// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Window Acknowledgement Size (Adobe RTMP spec 1.0 §5.4.4, type 5): how many bytes the sender
 * may send before it expects an {@link Acknowledgement} from the receiver.
 *
 * @param size the window in bytes (unsigned 32-bit)
 */
public record WindowAcknowledgementSize(long size) implements RtmpPayload {

    public static WindowAcknowledgementSize decode(ByteBuf in) {
        ControlFields.need(in, 4, "windowAcknowledgementSize");
        return new WindowAcknowledgementSize(in.readUnsignedInt());
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.WINDOW_ACKNOWLEDGEMENT_SIZE;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt((int) size);
    }
}
