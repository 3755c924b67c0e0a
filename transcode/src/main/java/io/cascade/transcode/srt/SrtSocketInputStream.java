// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import java.io.InputStream;

/**
 * One accepted SRT socket's live-mode messages (each a whole number of 188-octet TS packets,
 * 1316 octets from most encoders) as a byte stream, for FFmpeg's MPEG-TS demuxer (JavaCV reads an
 * {@link InputStream} through its own AVIOContext, so no FFmpeg libsrt is involved). A read blocks
 * in {@code srt_recvmsg} for at most the socket's SRTO_RCVTIMEO; a timeout, a lost or closed
 * connection is the end of the stream ({@code -1}), and {@link #ended()} says why.
 *
 * <p>Not thread-safe, except {@link #close}, which another thread may call to end a blocked read.
 */
final class SrtSocketInputStream extends InputStream {
    private final int sock;
    private final byte[] message = new byte[LibSrt.MAX_PAYLOAD];
    private int at;
    private int length;
    private volatile String ended;
    private long octets;

    SrtSocketInputStream(int sock) {
        this.sock = sock;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (at == length && !receive()) {
            return -1;
        }
        int n = Math.min(len, length - at);
        System.arraycopy(message, at, b, off, n);
        at += n;
        return n;
    }

    private boolean receive() {
        if (ended != null) {
            return false;
        }
        int n = LibSrt.srt_recvmsg(sock, message, message.length);
        if (n <= 0) {
            int code = LibSrt.lastErrorCode();
            String why = switch (code) {
                case LibSrt.SRT_EASYNCRCV, LibSrt.SRT_ETIMEOUT -> "silent past its read timeout";
                case LibSrt.SRT_ECONNLOST, LibSrt.SRT_ENOCONN -> "connection closed or lost";
                default -> n == 0 ? "empty read" : LibSrt.lastError();
            };
            if (ended == null) { // close() first: its reason stands
                ended = why;
            }
            return false;
        }
        at = 0;
        length = n;
        octets += n;
        return true;
    }

    /** Why the stream ended, or null while it has not. */
    String ended() {
        return ended;
    }

    /** Octets received so far. */
    long octets() {
        return octets;
    }

    /** Marks the stream ended; the caller closes the socket, which wakes a blocked read. */
    @Override
    public void close() {
        if (ended == null) {
            ended = "closed";
        }
    }
}
