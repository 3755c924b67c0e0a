// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;

/**
 * Where a publisher sends its RTP (and RTCP, multiplexed) for a stream.
 *
 * @param stream       the stream
 * @param mediaAddress the relay socket serving the stream
 */
public record PublishInfo(StreamName stream, InetSocketAddress mediaAddress) {}
