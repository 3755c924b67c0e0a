// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

import io.cascade.conferencing.turn.TurnServer;
import io.cascade.conferencing.turn.TurnServerConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Our TURN server as its own process for {@link TurnBench}, configured like the PEERS.md coturn
 * command line: 127.0.0.1, long-term user {@code test:test}, loopback peers allowed (the load
 * runs on loopback), no TLS. Quotas are lifted so that they do not shape the load (coturn has
 * none by default). Prints {@code READY <port>} when listening; stops when stdin closes.
 *
 * <p>Usage: {@code BenchServer <udp-port> <min-relay-port> <max-relay-port>}
 */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) throws IOException {
        TurnServerConfig config = TurnServerConfig.builder()
                .listen("127.0.0.1", Integer.parseInt(args[0]))
                .relay("127.0.0.1", Integer.parseInt(args[1]), Integer.parseInt(args[2]))
                .realm("example.org")
                .users(Map.of("test", "test"))
                .allowLoopbackPeers(true)
                .quotas(100_000, 100_000, 0)
                .unauthenticatedPerSecond(100_000)
                .tcp(false)
                .build();
        try (TurnServer server = TurnServer.start(config)) {
            System.out.println("READY " + server.udpAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close stdin (or die)
            }
            System.out.println("COUNTERS " + server.counters().snapshot());
        }
    }
}
