// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One destination address on a shard: the subscribers that receive there (one per stream they
 * follow, all sharing the address) and the run of equal-size datagrams gathered for it during
 * the current receive batch, which {@link SegmentBatcher} sends as one UDP_SEGMENT send. The
 * run's fields are reused from batch to batch, so gathering allocates nothing but the pooled
 * buffer it fills. Shard thread only.
 */
final class Downlink {
    final InetSocketAddress address;
    final List<Subscriber> subscribers = new ArrayList<>(1);
    /** The datagrams gathered so far, laid end to end; null when none are waiting. */
    ByteBuf run;
    /** The length of every datagram in {@link #run}. */
    int segmentSize;
    int segments;
    /** How many datagrams of {@link #segmentSize} the run buffer takes. */
    int capacity;
    /** Whether the batcher holds this downlink in its list of runs to send at batch end. */
    boolean listed;

    Downlink(InetSocketAddress address) {
        this.address = address;
    }
}
