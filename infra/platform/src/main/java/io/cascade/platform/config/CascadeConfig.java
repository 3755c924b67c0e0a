// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything under {@code cascade.*}. Defaults are the local, embedded platform; pointing a
 * service at an external address ({@code cascade.kafka.bootstrap-servers}, {@code cascade.s3.endpoint},
 * {@code cascade.chunks.uri}) turns its embedded twin off. Every process is a node of the
 * Infinispan cluster; {@code cascade.infinispan.jgroups-config} says how nodes find each other.
 *
 * <p>Durations take units ({@code 500ms}, {@code 2s}); an unknown key under {@code cascade.} or a
 * value out of range fails the start with the key's name.
 */
@ConfigMapping(prefix = "cascade")
public interface CascadeConfig {

    Node node();

    /** Where embedded services and local stores keep their data. Kept across restarts. */
    @WithDefault("data")
    Path dataDir();

    Kafka kafka();

    Events events();

    S3 s3();

    Chunks chunks();

    Infinispan infinispan();

    Directory directory();

    Transcode transcode();

    Api api();

    Relay relay();

    Turn turn();

    Ingest ingest();

    Playback playback();

    /** The viewer side of broadcasts (docs/playback.md): playback tokens and viewer counts. */
    interface Playback {
        /**
         * HMAC-SHA256 key of signed playback tokens, at least 32 characters, the same on every
         * edge. When set, {@code /hls/{id}/...} and {@code POST /whep/{id}} need {@code ?token=}
         * (401 without, 403 for a bad or expired one); unset, playback is open.
         */
        Optional<@Size(min = 32, max = 1024) String> tokenSecret();

        /** How long the tokens that {@code GET /api/v1/edges/route} puts in its URLs stay valid. */
        @WithDefault("1h")
        Duration tokenTtl();

        /** An HLS client counts as a viewer while it fetched a playlist within this window. */
        @WithDefault("30s")
        Duration viewerWindow();

        /**
         * At most this many of a node's viewer sessions are listed one by one in the directory
         * ({@code GET /api/v1/viewers}); past that they are served and counted, not listed.
         */
        @WithDefault("10000")
        @Min(0)
        @Max(1_000_000)
        int listedSessions();

        /**
         * An edge packages a broadcast whose renditions come from another node only while viewers
         * ask: after this long without an HLS request it stops, and the relay releases the pulls
         * ({@code relay.idle-grace} later).
         */
        @WithDefault("30s")
        Duration pulledIdle();
    }

    interface Ingest {
        /** Run broadcast ingest (RTMP listener, input managers) in this process. */
        @WithDefault("true")
        boolean enabled();

        /** RTMP listener ({@code rtmp://host:1935/live/{streamKey}}); 0 picks a free port. */
        @WithDefault("1935")
        @Min(0)
        @Max(65535)
        int rtmpPort();

        /**
         * SRT listener, UDP ({@code srt://host:9000?streamid=publish:{streamKey}}, callers); 0 picks
         * a free port, -1 turns SRT ingest off.
         */
        @WithDefault("9000")
        @Min(-1)
        @Max(65535)
        int srtPort();

        /** The program source is failed over to the backup after this long without a frame. */
        @WithDefault("1s")
        Duration failoverAfter();
    }

    interface Relay {
        /** Run a relay node in this process. */
        @WithDefault("true")
        boolean enabled();

        /** Place in the fabric: origin, mid or edge. */
        @WithDefault("origin")
        @NotBlank
        String tier();

        /**
         * First media UDP port; one port per thread. The same sockets carry tier links (plain RTP)
         * and WebRTC (ICE-lite, DTLS-SRTP, demultiplexed per RFC 7983). 0 picks free ports.
         */
        @WithDefault("10000")
        @Min(0)
        @Max(65535)
        int port();

        /** Media threads (sockets); 0 means one per core. */
        @WithDefault("0")
        @Min(0)
        @Max(64)
        int threads();

        /** Bearer token of the relay control API, shared by the tiers of one deployment. */
        @WithDefault("dev-relay-token")
        @NotBlank
        String token();

        /** A pulled stream nobody watches is released upstream after this long. */
        @WithDefault("10s")
        Duration idleGrace();

        /** A subscriber that sends no RTCP for this long is dropped. */
        @WithDefault("10s")
        Duration subscriberTimeout();

        /**
         * Addresses put in WebRTC ICE candidates (the port is the media socket's); defaults to
         * {@code node.advertised-host}. Behind 1:1 NAT, the public address.
         */
        Optional<List<String>> candidateHosts();

        /** What WHIP publishers may send: {@code H264}, {@code opus}, {@code VP8}. */
        @WithDefault("H264,opus")
        List<String> publishCodecs();
    }

    interface Api {
        /**
         * Bearer token accepted on {@code /api/*} in local mode ({@code Authorization: Bearer dev}).
         * Production replaces it with JWT.
         */
        @WithDefault("dev")
        @NotBlank
        String devToken();
    }

    interface Node {
        /** Unique per process in a cluster. */
        @WithDefault("node-1")
        @NotBlank
        String id();

        @WithDefault("local")
        @NotBlank
        String region();

        /** Roles this process plays: {@code all}, or any of the module roles. */
        @WithDefault("all")
        Set<String> roles();

        /** Host other nodes and clients use to reach this one. */
        @WithDefault("127.0.0.1")
        @NotBlank
        String advertisedHost();
    }

    interface Kafka {
        /** External brokers; when absent a broker runs in process (KRaft). */
        Optional<String> bootstrapServers();

        /** Embedded broker port; 0 picks a free one. */
        @WithDefault("9092")
        @Min(0)
        @Max(65535)
        int embeddedPort();

        /** Embedded KRaft controller port; 0 picks a free one. */
        @WithDefault("9093")
        @Min(0)
        @Max(65535)
        int embeddedControllerPort();
    }

    interface Events {
        @WithDefault("cascade.events")
        @NotBlank
        String topic();

        /** Events held while Kafka is slow or away; beyond this the oldest are dropped and counted. */
        @WithDefault("10000")
        @Positive
        int buffer();

        /** Send attempts per event before it is dropped and counted. */
        @WithDefault("3")
        @Positive
        int attempts();

        @WithDefault("500ms")
        Duration retryBackoff();

        /** How long the sender thread (never the caller) waits for broker metadata. */
        @WithDefault("1s")
        Duration maxBlock();

        @WithDefault("6")
        @Positive
        int partitions();

        @WithDefault("1")
        @Positive
        short replication();
    }

    interface S3 {
        /** External S3: AWS (its regional endpoint) or any compatible store; when absent S3Proxy runs in process. */
        Optional<URI> endpoint();

        /** Embedded S3Proxy port; 0 picks a free one. */
        @WithDefault("8333")
        @Min(0)
        @Max(65535)
        int embeddedPort();

        @WithDefault("cascade")
        @NotBlank
        String bucket();

        @WithDefault("us-east-1")
        @NotBlank
        String region();

        /**
         * Static credentials. When absent: the embedded S3Proxy uses {@code cascade} /
         * {@code cascade-local-secret}; an external S3 uses the SDK's default chain (env, profile, IRSA).
         */
        Optional<String> accessKey();

        Optional<String> secretKey();

        @WithDefault("true")
        boolean pathStyle();
    }

    interface Chunks {
        /**
         * Root of the chunk store: {@code hdfs://namenode:8020/cascade} for HDFS; when absent,
         * {@code <data-dir>/chunks} on the local file system through the same FileSystem API.
         */
        Optional<URI> uri();
    }

    interface Infinispan {
        @WithDefault("cascade")
        @NotBlank
        String clusterName();

        @WithDefault("127.0.0.1")
        @NotBlank
        String bindAddress();

        /** JGroups TCP port of the embedded node; 0 picks a free one. */
        @WithDefault("7800")
        @Min(0)
        @Max(65535)
        int port();

        /** TCPPING seeds: {@code host[port],host[port]}. */
        @WithDefault("127.0.0.1[7800],127.0.0.1[7900]")
        String initialHosts();

        /** A JGroups stack file (e.g. DNS_PING on Kubernetes) replacing the loopback TCP stack. */
        Optional<Path> jgroupsConfig();
    }

    interface Directory {
        /** How often a node refreshes its entry. */
        @WithDefault("2s")
        Duration heartbeat();

        /** How long an entry lives without a heartbeat. Must exceed the heartbeat. */
        @WithDefault("6s")
        Duration ttl();
    }

    /**
     * Transcode workers (docs/transcode.md): a node with role {@code transcode} (or {@code all})
     * runs up to {@code capacity} formats (broadcast ladders) placed on it through the directory.
     * A worker's lease is much shorter than the node TTL: a dead worker's formats move within
     * about {@code lease + 2 x tick}.
     */
    interface Transcode {
        /** Formats this node runs at once. */
        @WithDefault("4")
        @Positive
        @Max(256)
        int capacity();

        /** How often a worker renews its lease and reconciles the assignments. */
        @WithDefault("250ms")
        Duration tick();

        /** A worker that has not renewed for this long is dead. At least twice {@code tick}. */
        @WithDefault("1s")
        Duration lease();

        /** After a format's job fails to start here, this node leaves it to others for this long. */
        @WithDefault("10s")
        Duration stepBack();
    }

    /**
     * The STUN/TURN server (module conferencing, package {@code turn}; see docs/turn.md). The
     * defaults are the local profile's: everything on 127.0.0.1, loopback peers allowed (both
     * ends of a local call run there) and a fixed development shared secret. Production sets
     * {@code allow-loopback-peers=false}, its own {@code shared-secret} (the same on every node,
     * since any node may hand out credentials for any TURN server), public addresses and a TLS
     * certificate.
     */
    interface Turn {
        /** Whether this node runs the STUN/TURN server (with roles {@code all} or {@code turn}). */
        @WithDefault("true")
        boolean enabled();

        /** Address of the UDP, TCP and TLS listeners ({@code 0.0.0.0} for all). */
        @WithDefault("127.0.0.1")
        @NotBlank
        String listenHost();

        /** STUN/TURN over UDP and TCP (RFC 8489: 3478); 0 picks a free port. */
        @WithDefault("3478")
        @Min(0)
        @Max(65535)
        int port();

        /** TURN over TLS ({@code turns:}, 5349), served when a certificate is set; 0 picks a free port. */
        @WithDefault("5349")
        @Min(0)
        @Max(65535)
        int tlsPort();

        /** PEM certificate chain for TLS; without it TLS is off. */
        Optional<Path> tlsCertificate();

        /** PEM PKCS#8 private key of {@code tls-certificate}. */
        Optional<Path> tlsKey();

        /** Address relay sockets bind to; defaults to {@code listen-host}. */
        Optional<String> relayHost();

        /** Public IP reported as the relayed address when the relay sits behind 1:1 NAT (cloud VMs). */
        Optional<String> relayExternalAddress();

        /** Host name or IP put in the {@code stun:}/{@code turn:} URLs; defaults to {@code node.advertised-host}. */
        Optional<String> advertisedHost();

        @WithDefault("49160")
        @Min(1024)
        @Max(65535)
        int minRelayPort();

        @WithDefault("49999")
        @Min(1024)
        @Max(65535)
        int maxRelayPort();

        @WithDefault("cascade")
        @NotBlank
        String realm();

        /**
         * TURN REST API secret (credentials {@code expiry:user} / base64 HMAC-SHA1). The default is a
         * fixed development value, never random: nodes must agree on it. Production must set its own.
         */
        @WithDefault("cascade-local-turn-secret")
        @NotBlank
        String sharedSecret();

        /** How long credentials from {@code GET /api/v1/ice-servers} stay valid. */
        @WithDefault("24h")
        Duration credentialTtl();

        /** Let allocations reach 127.0.0.0/8 and ::1. True here (local profile); false in production. */
        @WithDefault("true")
        boolean allowLoopbackPeers();

        /** CIDR blocks peers may be in even though the built-in list refuses them (e.g. a private media network). */
        Optional<List<String>> allowedPeers();

        /** CIDR blocks always refused, checked before {@code allowed-peers}. */
        Optional<List<String>> deniedPeers();

        /** Allocations one user may hold at once (486 beyond). */
        @WithDefault("32")
        @Positive
        int maxAllocationsPerUser();

        /** Allocations this node holds at once (486 beyond). */
        @WithDefault("10000")
        @Positive
        int maxAllocations();

        /** Relayed bandwidth per allocation and direction, kilobits per second; 0 for no limit. */
        @WithDefault("20000")
        @Min(0)
        int maxBandwidthKbps();

        /** UDP event-loop threads; 0 = one per processor. */
        @WithDefault("0")
        @Min(0)
        int threads();
    }
}
