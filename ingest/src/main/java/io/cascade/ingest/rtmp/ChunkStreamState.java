// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * What one chunk stream remembers between chunks (Adobe RTMP spec 1.0 §5.3.1.2): the fields
 * later headers may omit, the timestamp delta a fmt 3 header repeats, whether the last full
 * header used an extended timestamp, and the message being reassembled.
 *
 * <p>The delta after a fmt 0 header is its absolute timestamp, as FFmpeg and nginx-rtmp read
 * it: a fmt 3 header that starts a new message right after a fmt 0 one adds that value again.
 */
final class ChunkStreamState {
    long timestamp;
    long delta;
    int length;
    int typeId;
    int streamId;
    boolean extended;
    /** The message being reassembled, or null between messages. */
    ByteBuf partial;

    /** Drops the message being reassembled (Abort Message, §5.4.2, or teardown). */
    int abort() {
        if (partial == null) {
            return 0;
        }
        int held = partial.writerIndex();
        partial.release();
        partial = null;
        return held;
    }
}
