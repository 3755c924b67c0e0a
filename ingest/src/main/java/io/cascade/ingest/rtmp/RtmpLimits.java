// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * The limits the chunk decoder enforces, taken from {@link RtmpServerConfig}.
 *
 * @param maxChunkSize     the largest Set Chunk Size accepted
 * @param maxMessageSize   the largest message length accepted
 * @param maxPendingBytes  the most input held for incomplete messages and chunks
 * @param maxChunkStreams  the most distinct chunk stream ids one connection may use
 */
record RtmpLimits(int maxChunkSize, int maxMessageSize, int maxPendingBytes, int maxChunkStreams) {

    static RtmpLimits of(RtmpServerConfig config) {
        return new RtmpLimits(config.maxChunkSize(), config.maxMessageSize(), config.maxPendingBytes(),
                config.maxChunkStreams());
    }
}
