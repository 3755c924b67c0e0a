// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code cascade.signaling.*}: the signaling service (docs/signaling.md). Defaults are the local
 * profile's: the dev token signs anyone in, seeded users, presence to everyone. Production sets
 * {@code dev-auth=false}, a {@code jwt-secret} and its own {@code cluster-token}.
 */
@ConfigMapping(prefix = "cascade.signaling")
public interface SignalingConfig {

    /** Whether this node serves {@code /ws/signaling} (with roles {@code all} or {@code signaling}). */
    @WithDefault("true")
    boolean enabled();

    /** An unanswered call ends with reason {@code timeout} after this long. */
    @WithDefault("30s")
    Duration ringTimeout();

    /** Accept {@code cascade.api.dev-token} with any user name (local profile only). */
    @WithDefault("true")
    boolean devAuth();

    /** HS256 secret (at least 32 bytes) of the JWTs pages present; without it JWT sign-in is off. */
    Optional<String> jwtSecret();

    /** Frames above this many bytes get {@code too_large}. */
    @WithDefault("65536")
    @Min(1024)
    @Max(1048576)
    int maxMessageBytes();

    /** Sustained messages per second per connection. */
    @WithDefault("50")
    @Min(1)
    int messagesPerSecond();

    /** Messages a connection may send at once above the rate (trickle ICE bursts). */
    @WithDefault("200")
    @Min(1)
    int burst();

    /** Everyone sees everyone's presence (local profile); false: contacts only. */
    @WithDefault("true")
    boolean presenceToEveryone();

    /** Bearer token between signaling nodes ({@code /internal/signaling/v1}); the same on every node. */
    @WithDefault("dev-cluster-token")
    @NotBlank
    String clusterToken();

    /** How often ring timeouts, remote liveness and presence are checked. */
    @WithDefault("500ms")
    Duration tick();
}
