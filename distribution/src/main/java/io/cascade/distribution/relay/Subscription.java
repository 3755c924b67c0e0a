// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A subscriber as the relay set it up.
 *
 * @param id           handle for removing it
 * @param stream       the stream
 * @param mediaAddress the relay socket the media comes from; the subscriber sends its RTCP here
 * @param tracks       the tracks in the subscriber's own space: its SSRCs (and RTX SSRCs), payload types, clock rates
 */
public record Subscription(long id, StreamName stream, InetSocketAddress mediaAddress, List<TrackSpec> tracks) {}
