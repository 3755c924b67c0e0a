// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;

/** What a relay reports about its streams. Called on the stream's shard thread: keep it short. */
public interface RelayListener {
    /** The publisher sent nothing for {@link RelayConfig#publisherSilence()}. */
    default void publisherSilent(StreamName stream, InetSocketAddress source) {}

    /** Packets arrive again after {@link #publisherSilent}. */
    default void publisherResumed(StreamName stream, InetSocketAddress source) {}

    /** A subscriber sent no RTCP for {@link RelayConfig#subscriberTimeout()} and was dropped. */
    default void subscriberTimedOut(StreamName stream, long subscriberId, InetSocketAddress destination) {}

    RelayListener NONE = new RelayListener() {};
}
