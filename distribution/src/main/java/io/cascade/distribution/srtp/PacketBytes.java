// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import io.netty.buffer.ByteBuf;

/**
 * The readable bytes of a {@code ByteBuf} as an array region for the JCE, which works on arrays:
 * a heap buffer's own array (in place, no copy), or, for direct and composite buffers, a scratch
 * copy that {@link #commit} writes back. The scratch array grows to the largest packet plus
 * overhead seen, and no further.
 *
 * <p>Why copy instead of {@code nioBuffer()}: {@code ByteBuf.nioBuffer} allocates a view per call,
 * and SunJCE's AES-GCM on direct {@code ByteBuffer}s allocated 1.4 - 2.6 KB per packet in our
 * measurement against 1.1 KB on arrays; copying 1.2 KB in and out costs about 20 - 40 ns
 * ({@code SrtpBenchmark.copyOnly}) against 300 - 1000 ns for the crypto.
 */
final class PacketBytes {
    byte[] array;
    int base;
    private boolean copied;
    private byte[] scratch = new byte[2048];

    /** Opens {@code buf}'s readable bytes, with room for {@code extra} octets after them. */
    void open(ByteBuf buf, int extra) {
        int length = buf.readableBytes();
        if (buf.hasArray()) {
            array = buf.array();
            base = buf.arrayOffset() + buf.readerIndex();
            copied = false;
            return;
        }
        if (scratch.length < length + extra) {
            scratch = new byte[length + extra];
        }
        buf.getBytes(buf.readerIndex(), scratch, 0, length);
        array = scratch;
        base = 0;
        copied = true;
    }

    /**
     * Makes {@code buf} hold the packet's new form: octets {@code [from, length)} written back
     * when they were copied, and the writer index moved to the new length.
     */
    void commit(ByteBuf buf, int from, int length) {
        int start = buf.readerIndex();
        if (copied) {
            buf.setBytes(start + from, scratch, from, length - from);
        }
        buf.writerIndex(start + length);
    }
}
