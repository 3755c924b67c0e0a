// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.platform.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JWT sign-in: only HS256 under our secret, unexpired, with a user name as subject. */
class JwtHs256Test {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_800_000_000L));
    private final JwtHs256 jwt = new JwtHs256(SECRET.getBytes(StandardCharsets.UTF_8), clock);

    private String token(String header, String claims) {
        return jwt.mint(header, claims);
    }

    @Test
    void acceptsAValidTokenAndReturnsItsSubject() {
        String t = token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"alice\",\"exp\":1800000600}");
        assertThat(jwt.subject(t)).isEqualTo("alice");
        var auth = new Authenticator(Optional.empty(), Optional.of(SECRET), clock);
        assertThat(auth.authenticate(t, "ignored")).isEqualTo("alice");
    }

    @Test
    void rfc7515AppendixA1TokenVerifiesWithItsKey() {
        // RFC 7515 §A.1: the HS256 example (its exp, 1300819380, lies in 2011: checked with a clock then)
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        String t = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        var verifier = new JwtHs256(key, new ManualClock(Instant.ofEpochSecond(1300819000L)));
        // signature and expiry pass; the example has no sub, so it is refused for that reason alone
        assertThatThrownBy(() -> verifier.subject(t)).hasMessageContaining("sub");
        String tampered = t.substring(0, t.length() - 1) + "A";
        assertThatThrownBy(() -> verifier.subject(tampered)).hasMessageContaining("bad signature");
    }

    @Test
    void refusesOtherAlgorithmsExpiryNotBeforeAndBadSubjects() {
        String claims = "{\"sub\":\"alice\",\"exp\":1800000600}";
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"none\"}", claims))).hasMessageContaining("alg");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS512\"}", claims))).hasMessageContaining("alg");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS256\",\"crit\":[\"x\"]}", claims))).hasMessageContaining("alg");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\"}"))).hasMessageContaining("exp");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\",\"exp\":1799999900}")))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\",\"exp\":1800000600,\"nbf\":1800000100}")))
                .hasMessageContaining("not valid yet");
        assertThatThrownBy(() -> jwt.subject(token("{\"alg\":\"HS256\"}", "{\"sub\":\"a:b\",\"exp\":1800000600}")))
                .hasMessageContaining("sub");
        assertThatThrownBy(() -> jwt.subject("a.b")).hasMessageContaining("compact");
        assertThatThrownBy(() -> new JwtHs256("short".getBytes(StandardCharsets.UTF_8), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDevTokenNeedsAUserNameAndCanBeOff() {
        var dev = new Authenticator(Optional.of("dev"), Optional.empty(), clock);
        assertThat(dev.authenticate("dev", "bob")).isEqualTo("bob");
        assertThatThrownBy(() -> dev.authenticate("dev", null)).hasMessageContaining("user=NAME");
        var off = new Authenticator(Optional.empty(), Optional.of(SECRET), clock);
        assertThatThrownBy(() -> off.authenticate("dev", "bob")).isInstanceOf(SignalingException.class);
    }
}
