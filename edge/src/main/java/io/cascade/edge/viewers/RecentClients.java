// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.viewers;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Distinct clients per broadcast seen within a window: {@link #seen} on every playlist request,
 * {@link #count} for the state API. A client is what the caller passes as its key (the app uses
 * the remote address and User-Agent): players behind one NAT with the same browser count once, and
 * one viewer whose address changes counts twice for up to a window. Memory is bounded: at most
 * {@code maxClients} entries in all; past that, expired entries are swept and, if still full, a
 * new client is not recorded (counted in {@link #dropped}).
 */
public final class RecentClients {
    private final InstantSource clock;
    private final long windowMs;
    private final int maxClients;
    private final Map<String, Map<String, Long>> byBroadcast = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();

    public RecentClients(InstantSource clock, Duration window, int maxClients) {
        if (window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("a positive window and capacity are needed");
        }
        this.clock = clock;
        this.windowMs = window.toMillis();
        this.maxClients = maxClients;
    }

    /** Records that {@code client} asked for something of {@code broadcast} now. */
    public void seen(String broadcast, String client) {
        long now = clock.millis();
        Map<String, Long> known = byBroadcast.get(broadcast);
        if (known != null && known.replace(client, now) != null) {
            return;
        }
        if (size.get() >= maxClients) {
            sweep(now);
            if (size.get() >= maxClients) {
                dropped.increment();
                return;
            }
        }
        // after the sweep, which may have removed this broadcast's emptied table
        if (byBroadcast.computeIfAbsent(broadcast, b -> new ConcurrentHashMap<>()).put(client, now) == null) {
            size.incrementAndGet();
        }
    }

    /** Distinct clients of {@code broadcast} seen within the window. */
    public int count(String broadcast) {
        Map<String, Long> clients = byBroadcast.get(broadcast);
        if (clients == null) {
            return 0;
        }
        long since = clock.millis() - windowMs;
        return (int) clients.values().stream().filter(t -> t > since).count();
    }

    /** Distinct clients within the window of every broadcast that has any. */
    public Map<String, Long> counts() {
        long since = clock.millis() - windowMs;
        Map<String, Long> out = new java.util.HashMap<>();
        byBroadcast.forEach((broadcast, clients) -> {
            long n = clients.values().stream().filter(t -> t > since).count();
            if (n > 0) {
                out.put(broadcast, n);
            }
        });
        return out;
    }

    /** Calls {@code visitor} with (broadcast, client) for every client seen within the window. */
    public void forEachRecent(java.util.function.BiConsumer<String, String> visitor) {
        long since = clock.millis() - windowMs;
        byBroadcast.forEach((broadcast, clients) -> clients.forEach((client, t) -> {
            if (t > since) {
                visitor.accept(broadcast, client);
            }
        }));
    }

    /** Clients not recorded because the table was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Forgets clients older than the window; empty broadcasts go too. */
    public void sweep() {
        sweep(clock.millis());
    }

    private void sweep(long now) {
        long since = now - windowMs;
        byBroadcast.forEach((broadcast, clients) -> {
            clients.entrySet().removeIf(e -> {
                boolean old = e.getValue() <= since;
                if (old) {
                    size.decrementAndGet();
                }
                return old;
            });
            if (clients.isEmpty()) {
                byBroadcast.remove(broadcast, clients);
            }
        });
    }
}
