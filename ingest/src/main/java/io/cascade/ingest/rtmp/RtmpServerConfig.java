// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.time.Duration;
import java.util.Objects;

/**
 * The RTMP server's settings and hard limits, validated on construction. Start from
 * {@link #defaults()} and change what you need with {@link #toBuilder()}.
 *
 * @param host                    bind address; default {@code 127.0.0.1}
 * @param port                    bind port, 0 for any free one; default 1935
 * @param maxChunkSize            the largest Set Chunk Size a client may send; default 65536
 *                                bytes. FFmpeg and OBS use 4096; the limit also bounds how much
 *                                of one chunk is buffered. At most 16777215 (no message is longer)
 * @param maxMessageSize          the largest message accepted; default 8 MiB (an H.264 key frame
 *                                of a high-rate 4K stream fits). At most 16777215 (24-bit field)
 * @param maxPendingBytes         input held per connection for incomplete chunks and messages;
 *                                default 16 MiB; at least maxMessageSize + maxChunkSize
 * @param maxChunkStreams         distinct chunk stream ids per connection; default 64 (FFmpeg
 *                                uses 5, OBS fewer)
 * @param maxStreamsPerConnection createStream calls per connection; default 8
 * @param handshakeTimeout        from accept to the end of C2; default 10 s
 * @param idleTimeout             no bytes received for this long closes; default 30 s
 * @param maxConnections          open connections; more are closed on accept; default 1024
 * @param windowAckSize           the Window Acknowledgement Size sent to clients and the window
 *                                used for the server's own acknowledgements until the client sets
 *                                one; default 2500000 bytes
 * @param outChunkSize            the chunk size the server announces and sends with; default 4096
 * @param ioThreads               event loop threads when the server owns its group; 0 for Netty's
 *                                default (twice the cores)
 */
public record RtmpServerConfig(String host, int port, int maxChunkSize, int maxMessageSize, int maxPendingBytes,
        int maxChunkStreams, int maxStreamsPerConnection, Duration handshakeTimeout, Duration idleTimeout,
        int maxConnections, int windowAckSize, int outChunkSize, int ioThreads) {
    /** The largest value of the 24-bit message length. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFFFF;

    public RtmpServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        check(port >= 0 && port <= 65535, "port", port);
        check(maxChunkSize >= SetChunkSize.DEFAULT && maxChunkSize <= MAX_MESSAGE_LENGTH, "maxChunkSize", maxChunkSize);
        check(maxMessageSize >= 1024 && maxMessageSize <= MAX_MESSAGE_LENGTH, "maxMessageSize", maxMessageSize);
        check((long) maxPendingBytes >= (long) maxMessageSize + maxChunkSize, "maxPendingBytes", maxPendingBytes);
        check(maxChunkStreams >= 2 && maxChunkStreams <= ChunkBasicHeader.MAX_ID, "maxChunkStreams", maxChunkStreams);
        check(maxStreamsPerConnection >= 1, "maxStreamsPerConnection", maxStreamsPerConnection);
        check(handshakeTimeout.isPositive(), "handshakeTimeout", handshakeTimeout);
        check(idleTimeout.isPositive(), "idleTimeout", idleTimeout);
        check(maxConnections >= 1, "maxConnections", maxConnections);
        check(windowAckSize >= 1024, "windowAckSize", windowAckSize);
        check(outChunkSize >= SetChunkSize.DEFAULT && outChunkSize <= maxChunkSize, "outChunkSize", outChunkSize);
        check(ioThreads >= 0, "ioThreads", ioThreads);
    }

    private static void check(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid RTMP server setting " + key + ": " + value);
        }
    }

    /** The defaults listed on the record components. */
    public static RtmpServerConfig defaults() {
        return new RtmpServerConfig("127.0.0.1", 1935, 65536, 8 << 20, 16 << 20, 64, 8, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 1024, 2_500_000, 4096, 0);
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values; {@link #build()} validates. */
    public static final class Builder {
        private String host;
        private int port;
        private int maxChunkSize;
        private int maxMessageSize;
        private int maxPendingBytes;
        private int maxChunkStreams;
        private int maxStreamsPerConnection;
        private Duration handshakeTimeout;
        private Duration idleTimeout;
        private int maxConnections;
        private int windowAckSize;
        private int outChunkSize;
        private int ioThreads;

        private Builder(RtmpServerConfig c) {
            host = c.host;
            port = c.port;
            maxChunkSize = c.maxChunkSize;
            maxMessageSize = c.maxMessageSize;
            maxPendingBytes = c.maxPendingBytes;
            maxChunkStreams = c.maxChunkStreams;
            maxStreamsPerConnection = c.maxStreamsPerConnection;
            handshakeTimeout = c.handshakeTimeout;
            idleTimeout = c.idleTimeout;
            maxConnections = c.maxConnections;
            windowAckSize = c.windowAckSize;
            outChunkSize = c.outChunkSize;
            ioThreads = c.ioThreads;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder maxChunkSize(int value) {
            maxChunkSize = value;
            return this;
        }

        public Builder maxMessageSize(int value) {
            maxMessageSize = value;
            return this;
        }

        public Builder maxPendingBytes(int value) {
            maxPendingBytes = value;
            return this;
        }

        public Builder maxChunkStreams(int value) {
            maxChunkStreams = value;
            return this;
        }

        public Builder maxStreamsPerConnection(int value) {
            maxStreamsPerConnection = value;
            return this;
        }

        public Builder handshakeTimeout(Duration value) {
            handshakeTimeout = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder windowAckSize(int value) {
            windowAckSize = value;
            return this;
        }

        public Builder outChunkSize(int value) {
            outChunkSize = value;
            return this;
        }

        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        public RtmpServerConfig build() {
            return new RtmpServerConfig(host, port, maxChunkSize, maxMessageSize, maxPendingBytes, maxChunkStreams,
                    maxStreamsPerConnection, handshakeTimeout, idleTimeout, maxConnections, windowAckSize,
                    outChunkSize, ioThreads);
        }
    }
}
