// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the load generator sets up for a forwarder: publishers, each with its source socket and
 * its two RTP streams, and subscribers. Every subscriber receives every publisher, so each
 * packet published is forwarded {@code subscribers.size()} times (the fan-out): one viewer
 * socket per subscriber slot, shared by all publishers, which keeps the receiving side of the
 * load generator small at fan-out 100.
 *
 * @param publishers  the publishers, in index order
 * @param subscribers where forwarded packets must arrive
 */
public record Topology(List<Publisher> publishers, List<InetSocketAddress> subscribers) {

    public Topology {
        publishers = List.copyOf(publishers);
        subscribers = List.copyOf(subscribers);
    }

    /**
     * One publisher.
     *
     * @param source    the publisher's own socket, the source address of its packets
     * @param videoSsrc SSRC of its video stream (payload type {@link #VIDEO_PT}, 90 kHz clock)
     * @param audioSsrc SSRC of its audio stream (payload type {@link #AUDIO_PT}, 48 kHz clock)
     */
    public record Publisher(InetSocketAddress source, int videoSsrc, int audioSsrc) {}

    /** Dynamic payload types (RFC 3551 §6), as a browser would offer VP8 and Opus. */
    public static final int VIDEO_PT = 96;
    public static final int AUDIO_PT = 111;

    public int fanOut() {
        return subscribers.size();
    }
}
