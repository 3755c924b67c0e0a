// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetAddress;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What every event loop of one server shares: configuration, clock, credentials, nonces, peer
 * policy, quotas, the relay port pool and reservations, counters. Everything here is immutable or
 * thread-safe; per-loop state lives in {@link TurnShard}.
 */
final class TurnContext {
    final TurnServerConfig config;
    final InstantSource clock;
    final RandomGenerator random;
    final LongTermCredentials credentials;
    final StatelessNonces nonces;
    final PeerPolicy policy;
    final AllocationQuota quota;
    final RelayPortPool ports;
    final Reservations reservations;
    final TurnCounters counters;
    /** The address XOR-RELAYED-ADDRESS reports, when it differs from the bound one (1:1 NAT). */
    final Optional<InetAddress> advertisedRelayAddress;

    TurnContext(TurnServerConfig config, InstantSource clock, RandomGenerator random, PeerPolicy policy,
            Optional<InetAddress> advertisedRelayAddress) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.credentials = new LongTermCredentials(config.realm(), config.users(), config.sharedSecret(), clock);
        this.nonces = new StatelessNonces(random, config.nonceLifetime());
        this.policy = policy;
        this.quota = new AllocationQuota(config.maxAllocationsPerUser(), config.maxAllocations());
        this.ports = new RelayPortPool(config.minRelayPort(), config.maxRelayPort(), random);
        this.reservations = new Reservations(ports, random);
        this.counters = new TurnCounters();
        this.advertisedRelayAddress = advertisedRelayAddress;
    }
}
