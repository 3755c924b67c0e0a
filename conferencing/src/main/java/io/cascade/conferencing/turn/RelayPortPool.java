// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * The relay port range and which of its ports this server holds.
 *
 * <p>Ports are picked at a random point of the range and then scanned upwards, so that relayed
 * transport addresses are hard to predict (the aim of RFC 6056's port randomisation) and a port
 * just freed is not at once handed to the next client. RFC 8656 §7.2 has the range within
 * 49152-65535 and never below 1024 (the config enforces the latter). A port can be held without a socket
 * (an EVEN-PORT reservation, RFC 8656 §7.2, keeps the next port for another allocation). Shared
 * by all event loops; calls are short and synchronized.
 */
final class RelayPortPool {
    private final int min;
    private final int max;
    private final BitSet held;
    private final RandomGenerator random;

    RelayPortPool(int min, int max, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.held = new BitSet(max - min + 1);
        this.random = random;
    }

    /**
     * Holds a free port, even if {@code even}; when {@code withNext}, also holds the port after it
     * (EVEN-PORT with the R bit). Returns the port, or -1 when none is free.
     */
    synchronized int acquire(boolean even, boolean withNext) {
        int size = max - min + 1;
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = min + (start + i) % size;
            if ((even && (port & 1) != 0) || held.get(port - min)) {
                continue;
            }
            if (withNext && (port == max || held.get(port + 1 - min))) {
                continue;
            }
            held.set(port - min);
            if (withNext) {
                held.set(port + 1 - min);
            }
            return port;
        }
        return -1;
    }

    /** Releases a port acquired before; releasing a free or foreign port does nothing. */
    synchronized void release(int port) {
        if (port >= min && port <= max) {
            held.clear(port - min);
        }
    }

    synchronized int held() {
        return held.cardinality();
    }

    boolean inRange(int port) {
        return port >= min && port <= max;
    }
}
