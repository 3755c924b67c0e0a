// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link TurnServer} needs, validated once when built. Start from {@link #builder()},
 * whose defaults are the safe ones: loopback peers refused, quotas on, nothing on TLS.
 *
 * @param listenHost          address for the UDP and TCP listeners, and TLS when configured
 * @param port                UDP and TCP port (3478); 0 picks a free one (tests)
 * @param tcp                 whether to accept TURN over TCP on {@code port}
 * @param tlsPort             TLS-over-TCP port (5349), used when a certificate is set; 0 picks one
 * @param tlsCertificate      PEM certificate chain for TLS; TLS is off without it
 * @param tlsKey              PEM PKCS#8 private key matching {@code tlsCertificate}
 * @param relayHost           address relay sockets bind to
 * @param advertisedRelayHost address put in XOR-RELAYED-ADDRESS when the relay sits behind 1:1 NAT
 *                            (cloud instances); empty means the bound address
 * @param minRelayPort        first relay port
 * @param maxRelayPort        last relay port
 * @param realm               REALM of the long-term credential mechanism (RFC 8489 §9.2)
 * @param sharedSecret        TURN REST API secret; empty turns ephemeral credentials off
 * @param users               static long-term users, name to password
 * @param allowLoopbackPeers  let allocations reach 127/8 and ::1 (local profile only)
 * @param allowedPeers        operator allow list, checked after {@code deniedPeers}
 * @param deniedPeers         operator deny list, checked first
 * @param defaultLifetime     allocation lifetime when the client asks for less (RFC 8656: 10 min)
 * @param maxLifetime         longest allocation lifetime granted (RFC 8656 suggests 1 h)
 * @param nonceLifetime       how long a NONCE stays valid before 438 (Stale Nonce)
 * @param maxAllocationsPerUser allocations one username may hold (486 beyond)
 * @param maxAllocations      allocations the server holds in all (486 beyond)
 * @param maxBandwidthKbps    relayed kilobits per second per allocation, each way; 0 = no limit
 * @param unauthenticatedPerSecond error responses per second to unauthenticated requests from one
 *                            source IP (bursts of four times that); beyond, requests are dropped
 * @param threads             UDP event-loop threads; 0 = one per available processor
 */
public record TurnServerConfig(String listenHost, int port, boolean tcp, int tlsPort,
        Optional<Path> tlsCertificate, Optional<Path> tlsKey, String relayHost,
        Optional<String> advertisedRelayHost, int minRelayPort, int maxRelayPort, String realm,
        Optional<String> sharedSecret, Map<String, String> users, boolean allowLoopbackPeers,
        List<Cidr> allowedPeers, List<Cidr> deniedPeers, Duration defaultLifetime,
        Duration maxLifetime, Duration nonceLifetime, int maxAllocationsPerUser, int maxAllocations,
        int maxBandwidthKbps, int unauthenticatedPerSecond, int threads) {

    /** Permission lifetime, fixed by RFC 8656 §9 ("300 seconds (5 minutes)"). */
    public static final Duration PERMISSION_LIFETIME = Duration.ofMinutes(5);
    /** Channel binding lifetime, fixed by RFC 8656 §12 ("10 minutes"). */
    public static final Duration CHANNEL_LIFETIME = Duration.ofMinutes(10);

    public TurnServerConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(relayHost, "relayHost");
        requirePort("port", port);
        requirePort("tlsPort", tlsPort);
        require(minRelayPort >= 1024 && minRelayPort <= maxRelayPort && maxRelayPort <= 65535,
                "relay ports must be 1024 <= min <= max <= 65535, got " + minRelayPort + "-" + maxRelayPort);
        require(realm != null && !realm.isBlank(), "realm must not be blank");
        require(tlsCertificate.isPresent() == tlsKey.isPresent(),
                "TLS needs both a certificate and a key, or neither");
        require(sharedSecret.isPresent() || !users.isEmpty(),
                "set a shared secret or at least one user: a TURN server without credentials relays for nobody");
        sharedSecret.ifPresent(s -> require(s.length() >= 8, "the shared secret must have at least 8 characters"));
        require(positive(defaultLifetime) && positive(maxLifetime) && positive(nonceLifetime),
                "lifetimes must be positive");
        require(maxLifetime.compareTo(defaultLifetime) >= 0, "max lifetime must be at least the default");
        require(maxAllocationsPerUser >= 1 && maxAllocations >= 1, "allocation quotas must be >= 1");
        require(maxBandwidthKbps >= 0, "max bandwidth must be >= 0 (0: no limit)");
        require(unauthenticatedPerSecond >= 1, "unauthenticated rate must be >= 1 per second");
        require(threads >= 0, "threads must be >= 0 (0: one per processor)");
        users = Map.copyOf(users);
        allowedPeers = List.copyOf(allowedPeers);
        deniedPeers = List.copyOf(deniedPeers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Event-loop threads to run: {@link #threads}, or one per processor. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void requirePort(String name, int value) {
        require(value >= 0 && value <= 65535, name + " must be 0..65535, got " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("TURN config: " + message);
        }
    }

    /** Mutable builder with the safe defaults; {@link #build()} validates. */
    public static final class Builder {
        private String listenHost = "127.0.0.1";
        private int port = 3478;
        private boolean tcp = true;
        private int tlsPort = 5349;
        private Path tlsCertificate;
        private Path tlsKey;
        private String relayHost;
        private String advertisedRelayHost;
        private int minRelayPort = 49152;
        private int maxRelayPort = 65535;
        private String realm = "cascade";
        private String sharedSecret;
        private Map<String, String> users = Map.of();
        private boolean allowLoopbackPeers;
        private List<Cidr> allowedPeers = List.of();
        private List<Cidr> deniedPeers = List.of();
        private Duration defaultLifetime = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofHours(1);
        private Duration nonceLifetime = Duration.ofMinutes(10);
        private int maxAllocationsPerUser = 32;
        private int maxAllocations = 10_000;
        private int maxBandwidthKbps = 20_000;
        private int unauthenticatedPerSecond = 50;
        private int threads;

        private Builder() {}

        public Builder listen(String host, int udpAndTcpPort) {
            this.listenHost = host;
            this.port = udpAndTcpPort;
            return this;
        }

        public Builder tcp(boolean enabled) {
            this.tcp = enabled;
            return this;
        }

        public Builder tls(int port, Path certificate, Path key) {
            this.tlsPort = port;
            this.tlsCertificate = certificate;
            this.tlsKey = key;
            return this;
        }

        public Builder relay(String host, int minPort, int maxPort) {
            this.relayHost = host;
            this.minRelayPort = minPort;
            this.maxRelayPort = maxPort;
            return this;
        }

        public Builder advertisedRelayHost(String host) {
            this.advertisedRelayHost = host;
            return this;
        }

        public Builder realm(String value) {
            this.realm = value;
            return this;
        }

        public Builder sharedSecret(String secret) {
            this.sharedSecret = secret;
            return this;
        }

        public Builder users(Map<String, String> namesToPasswords) {
            this.users = namesToPasswords;
            return this;
        }

        public Builder allowLoopbackPeers(boolean allow) {
            this.allowLoopbackPeers = allow;
            return this;
        }

        public Builder peers(List<Cidr> allowed, List<Cidr> denied) {
            this.allowedPeers = allowed;
            this.deniedPeers = denied;
            return this;
        }

        public Builder lifetimes(Duration defaultAllocation, Duration maxAllocation, Duration nonce) {
            this.defaultLifetime = defaultAllocation;
            this.maxLifetime = maxAllocation;
            this.nonceLifetime = nonce;
            return this;
        }

        public Builder quotas(int perUser, int total, int bandwidthKbps) {
            this.maxAllocationsPerUser = perUser;
            this.maxAllocations = total;
            this.maxBandwidthKbps = bandwidthKbps;
            return this;
        }

        public Builder unauthenticatedPerSecond(int rate) {
            this.unauthenticatedPerSecond = rate;
            return this;
        }

        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        public TurnServerConfig build() {
            return new TurnServerConfig(listenHost, port, tcp, tlsPort, Optional.ofNullable(tlsCertificate),
                    Optional.ofNullable(tlsKey), relayHost == null ? listenHost : relayHost,
                    Optional.ofNullable(advertisedRelayHost), minRelayPort, maxRelayPort, realm,
                    Optional.ofNullable(sharedSecret), users, allowLoopbackPeers, allowedPeers, deniedPeers,
                    defaultLifetime, maxLifetime, nonceLifetime, maxAllocationsPerUser, maxAllocations,
                    maxBandwidthKbps, unauthenticatedPerSecond, threads);
        }
    }
}
