// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A browser whose offer carries a fingerprint that is not its certificate's (what a man in the
 * middle would present) completes ICE, fails DTLS, and no media flows: the session is dropped
 * and the relay never gets a publisher (SPECS.md: pion CVE-2021-28681 let data through).
 */
class WhipWhepSecurityTest {
    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    @Timeout(60)
    void wrongFingerprintInTheOfferMeansNoMediaAndTheSessionIsDropped() throws Exception {
        assumeTrue(Chromium.available(), "needs /usr/bin/chromium");
        try (WebRtcFixture fx = new WebRtcFixture("127.0.0.1", "127.0.0.1"); Chromium chromium = Chromium.start()) {
            String pub = fx.load(chromium, "/publish.html");
            JsonNode published = chromium.evaluate(pub, "window.publish('forged', 'dev', true)", STEP);
            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(201);
            // The session may already be gone from gateway.sessions() when the POST returns.
            String reason = fx.endings.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reason).contains("DTLS failed");
            assertThat(fx.gateway.counters().dtlsFailed()).isEqualTo(1);
            assertThat(fx.gateway.counters().sessionsSecured()).isZero();
            assertThat(fx.relay.hasStream(StreamName.of("live/forged")).get()).isFalse();
            Await.until("the browser sees the connection fail", Duration.ofSeconds(20),
                    () -> !chromium.evaluate(pub, "window.sent()", STEP).path("state").asText().equals("connecting"));
            assertThat(fx.relay.counters().get().rtpIn()).as("no media reached the relay").isZero();
        }
    }
}
