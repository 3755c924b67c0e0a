// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Relay ports kept for a later allocation (RFC 8656 §7.2 step 8 and §14.9): an Allocate with
 * EVEN-PORT and the R bit gets an even port and a RESERVATION-TOKEN for the port after it, which
 * a second Allocate (usually RTCP's) redeems within {@value #HOLD_MILLIS} ms. The port is held in
 * the {@link RelayPortPool} meanwhile, without a socket: the second allocation may live on another
 * event loop, and binds the port there. Shared by all event loops.
 */
final class Reservations {
    /** RFC 8656 §7.2: the server "SHOULD" keep the reservation "for approximately 30 seconds". */
    static final long HOLD_MILLIS = 30_000;
    private final RelayPortPool ports;
    private final RandomGenerator random;
    private final Map<Long, long[]> byToken = new ConcurrentHashMap<>();

    Reservations(RelayPortPool ports, RandomGenerator random) {
        this.ports = ports;
        this.random = random;
    }

    /** Records a reservation of {@code port} (already held in the pool); returns its token. */
    long reserve(int port, long nowMillis) {
        long token;
        do {
            token = random.nextLong();
        } while (byToken.putIfAbsent(token, new long[] {port, nowMillis + HOLD_MILLIS}) != null);
        return token;
    }

    /** Redeems a token: the reserved port (still held, now the caller's), or -1. */
    int redeem(long token, long nowMillis) {
        long[] entry = byToken.remove(token);
        if (entry == null) {
            return -1;
        }
        if (nowMillis >= entry[1]) {
            ports.release((int) entry[0]);
            return -1;
        }
        return (int) entry[0];
    }

    /** Gives back the ports of reservations nobody redeemed in time. */
    void sweep(long nowMillis) {
        for (Map.Entry<Long, long[]> entry : byToken.entrySet()) {
            long[] value = entry.getValue();
            // remove(key, value) loses to a concurrent redeem, which then owns the port.
            if (nowMillis >= value[1] && byToken.remove(entry.getKey(), value)) {
                ports.release((int) value[0]);
            }
        }
    }

    int size() {
        return byToken.size();
    }
}
