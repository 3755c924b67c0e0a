// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.UserNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Who a connection is. Two schemes (docs/signaling.md, "Authentication"):
 * <ul>
 *   <li>a JWT (RFC 7519) signed with HS256 under the configured secret: the user is its {@code sub};
 *   <li>in the local profile, the dev token ({@code cascade.api.dev-token}, "dev") plus any valid
 *       user name: anyone may be anyone, which is the point of a local setup.
 * </ul>
 * Either may be off; with both off nobody gets in.
 */
public final class Authenticator {
    private final Optional<byte[]> devToken;
    private final Optional<JwtHs256> jwt;

    public Authenticator(Optional<String> devToken, Optional<String> jwtSecret, InstantSource clock) {
        this.devToken = devToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.jwt = jwtSecret.map(s -> new JwtHs256(s.getBytes(StandardCharsets.UTF_8), clock));
    }

    /** The user name, or {@link ErrorCode#AUTH_FAILED}. {@code user} matters for the dev token only. */
    public String authenticate(String token, String user) {
        if (token == null || token.isEmpty()) {
            throw new SignalingException(ErrorCode.AUTH_FAILED, "token required");
        }
        if (devToken.isPresent() && MessageDigest.isEqual(devToken.get(), token.getBytes(StandardCharsets.UTF_8))) {
            if (!UserNames.valid(user)) {
                throw new SignalingException(ErrorCode.AUTH_FAILED, "the dev token needs user=NAME (1-64 of A-Z a-z 0-9 . _ @ -)");
            }
            return user;
        }
        if (jwt.isPresent() && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.get().subject(token);
        }
        throw new SignalingException(ErrorCode.AUTH_FAILED, "token refused");
    }
}
