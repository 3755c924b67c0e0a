// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/** A message body that knows its type id and encodes itself (control messages, commands). */
public interface RtmpPayload {

    /** The message type this body is sent as. */
    RtmpMessageType type();

    /** Writes the body. */
    void encode(ByteBuf out);
}
