// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.edge.access.PlaybackTokens.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 playback tokens over broadcast id and expiry, on an injected clock. */
class PlaybackTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final PlaybackTokens tokens = new PlaybackTokens(SECRET, clock);

    @Test
    void aMintedTokenPlaysItsBroadcastUntilItExpires() {
        String t = tokens.mint("b1", Duration.ofMinutes(5));
        assertThat(t).startsWith(Long.toString(now.get().plusSeconds(300).getEpochSecond()) + ".");
        assertThat(tokens.check("b1", t)).isEqualTo(Verdict.VALID);
        now.set(now.get().plusSeconds(299));
        assertThat(tokens.check("b1", t)).isEqualTo(Verdict.VALID);
        now.set(now.get().plusSeconds(1));
        assertThat(tokens.check("b1", t)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aTokenDoesNotOpenAnotherBroadcast() {
        assertThat(tokens.check("b2", tokens.mint("b1", Duration.ofMinutes(5)))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aLaterExpiryOrAnotherSecretBreaksTheMac() {
        String t = tokens.mint("b1", Duration.ofMinutes(5));
        long expiry = Long.parseLong(t.substring(0, t.indexOf('.')));
        assertThat(tokens.check("b1", (expiry + 3600) + t.substring(t.indexOf('.')))).isEqualTo(Verdict.INVALID);
        PlaybackTokens other = new PlaybackTokens(SECRET.toUpperCase(), clock);
        assertThat(other.check("b1", t)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void missingAndMalformedTokensAreToldApart() {
        assertThat(tokens.check("b1", null)).isEqualTo(Verdict.MISSING);
        assertThat(tokens.check("b1", "")).isEqualTo(Verdict.MISSING);
        for (String bad : new String[] {"abc", ".abc", "12.!!!", "x.y", "1".repeat(200), "-1.AAAA", "99999999999999.AAAA"}) {
            assertThat(tokens.check("b1", bad)).as(bad).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new PlaybackTokens("short", clock)).hasMessageContaining("at least 32 bytes");
    }
}
