// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A UDP forwarder the load generator can measure: the raw recvmmsg/sendmmsg forwarder
 * ({@link RawForwarder}) as the kernel's yardstick, and the relay node. Used from one thread.
 */
public interface ForwarderUnderTest extends AutoCloseable {

    /** Short name for reports, e.g. {@code raw} or {@code relay}. */
    String name();

    /**
     * Starts forwarding: from now on every packet a publisher of {@code topology} sends to
     * {@link #ingress(int)} must reach every subscriber of the topology.
     */
    void start(Topology topology) throws IOException;

    /** Where publisher {@code index} sends its packets. */
    InetSocketAddress ingress(int publisher);

    /** CPU time the forwarder has used since it started (user + system, all its threads). */
    Duration cpuTime();

    /**
     * Cores the forwarder can keep busy (its forwarding threads); saturation is taken as its
     * packets per CPU-second times this.
     */
    default int cores() {
        return 1;
    }

    /**
     * Stops forwarding and frees everything; idempotent.
     *
     * @return the forwarder's own summary as a JSON object, or {@code {}}
     */
    String stop();

    @Override
    default void close() {
        stop();
    }
}
