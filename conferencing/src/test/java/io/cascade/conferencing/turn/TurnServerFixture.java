// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.conferencing.turn.bench.TurnClient;
import io.cascade.platform.time.ManualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A server on 127.0.0.1 with a manual clock, and clients for it; closes everything after the
 * test. Time moves only by {@link #advance}, which also runs expiry, so no test waits for it.
 */
final class TurnServerFixture implements AutoCloseable {
    static final String SECRET = "fixture-shared-secret";
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    final TurnServer server;
    private final List<TurnClient> clients = new ArrayList<>();

    TurnServerFixture(UnaryOperator<TurnServerConfig.Builder> tweak) throws IOException {
        TurnServerConfig.Builder builder = TurnServerConfig.builder()
                .listen("127.0.0.1", 0)
                .relay("127.0.0.1", 52000, 52999)
                .realm("cascade.test")
                .sharedSecret(SECRET)
                .users(Map.of("alice", "wonderland", "bob", "builder"))
                .allowLoopbackPeers(true)
                .threads(2);
        server = TurnServer.start(tweak.apply(builder).build(), clock, new SecureRandom());
    }

    TurnClient client(String user, String password) throws IOException {
        TurnClient client = new TurnClient(server.udpAddress(), user, password).timeout(Duration.ofSeconds(2));
        clients.add(client);
        return client;
    }

    TurnClient alice() throws IOException {
        return client("alice", "wonderland");
    }

    /** Moves the clock and runs expiry on every event loop. */
    void advance(Duration by) {
        clock.advance(by);
        server.sweepNow();
    }

    long counter(TurnCounter counter) {
        return server.counters().get(counter);
    }

    InetSocketAddress address() {
        return server.udpAddress();
    }

    @Override
    public void close() throws IOException {
        for (TurnClient client : clients) {
            client.close();
        }
        server.close();
    }
}
