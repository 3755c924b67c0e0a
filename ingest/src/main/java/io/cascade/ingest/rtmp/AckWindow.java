// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * When to send an {@link Acknowledgement} (Adobe RTMP spec 1.0 §5.4.3, §5.4.4): each time the
 * window has been received since the last one. The window is the one the client set with
 * Window Acknowledgement Size, or the server's own default until it does. The sequence number
 * is the byte count modulo 2^32.
 */
final class AckWindow {
    private long window;
    private long received;
    private long lastAcked;

    AckWindow(long initialWindow) {
        this.window = initialWindow;
    }

    /** Applies a Window Acknowledgement Size from the client; 0 is ignored. */
    void window(long size) {
        if (size > 0) {
            window = size;
        }
    }

    /**
     * Counts received bytes.
     *
     * @return the sequence number to acknowledge, or -1 when no acknowledgement is due
     */
    long received(int bytes) {
        received += bytes;
        if (received - lastAcked < window) {
            return -1;
        }
        lastAcked = received;
        return received & 0xFFFFFFFFL;
    }
}
