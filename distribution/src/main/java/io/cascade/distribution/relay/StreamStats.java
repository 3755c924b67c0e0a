// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.util.List;

/**
 * A snapshot of one stream.
 *
 * @param name        stream name
 * @param source      registered source address, as {@code host:port}
 * @param silent      whether the source is silent now
 * @param tracks      per track: packets and bytes in, loss, NACK work
 * @param subscribers per subscriber: destination and what it was sent
 */
public record StreamStats(String name, String source, boolean silent, List<Track> tracks, List<Sub> subscribers) {

    public record Track(String kind, long ssrc, long packets, long bytes, long lost, long nacksRequested,
                        long recovered, long keyframeRequestsSuppressed) {}

    public record Sub(long id, String destination, long packets, long retransmitted, long nacksReceived,
                      long keyframeRequests, int reportedLossPerMille) {}
}
