// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.net.InetSocketAddress;

/**
 * Decides whether a client may publish: the platform's side of RTMP ingest. Checking the stream
 * key is this handler's job ({@link StreamKeys#matches} compares in constant time).
 *
 * <p>Called on the connection's event loop thread when the client sends {@code publish}: it
 * must return quickly (look keys up in memory, not over the network) and should not throw; a
 * throw refuses the publish and closes the connection as {@link CloseReason#SINK_FAILURE}.
 */
@FunctionalInterface
public interface RtmpPublishHandler {

    /**
     * @param app       the application from {@code connect} (the URL path before the key,
     *                  {@code live} for {@code rtmp://host/live/KEY}), trailing slashes removed
     * @param streamKey the stream name from {@code publish}, exactly as sent: a secret, never log it
     * @param client    the client's address
     * @return a refusal (sent as NetStream.Publish.BadName, then the connection closes) or an
     *         acceptance with the sink that receives the media
     */
    PublishDecision onPublish(String app, String streamKey, InetSocketAddress client);
}
