// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Per-connection log lines that are written once per topic, for conditions that repeat on every
 * message (an unsupported codec, malformed tags): the counters keep the totals.
 */
final class OnceLog {
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");

    private final String connection;
    private final Set<String> seen = new HashSet<>();

    /** @param connection how log lines name the connection (address and key fingerprint, no key) */
    OnceLog(String connection) {
        this.connection = connection;
    }

    /** Logs at INFO the first time {@code topic} is seen on this connection. */
    void once(String topic, String message) {
        if (seen.add(topic)) {
            LOG.infof("rtmp %s: %s (logged once per connection)", connection, message);
        }
    }
}
