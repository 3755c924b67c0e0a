// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first end-to-end slice: a real Chromium publishes its fake camera through WHIP, the stream
 * enters the relay, and two other Chromium pages play it through WHEP and decode frames.
 */
class WhipWhepChromiumTest {
    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    @Timeout(90)
    void browserPublishesThroughWhipAndTwoBrowsersPlayThroughWhep() throws Exception {
        assumeTrue(Chromium.available(), "needs /usr/bin/chromium");
        try (WebRtcFixture fx = new WebRtcFixture("127.0.0.1", "127.0.0.1"); Chromium chromium = Chromium.start()) {
            String pub = fx.load(chromium, "/publish.html");
            JsonNode published = chromium.evaluate(pub, "window.publish('cam1')", STEP);
            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(201);
            assertThat(published.path("location").asText()).startsWith("/whip/session/");
            Await.until("the publisher sends video", Duration.ofSeconds(20),
                    () -> chromium.evaluate(pub, "window.sent()", STEP).path("packets").asLong() > 50,
                    () -> "publisher sends: " + chromium.evaluate(pub, "window.sent()", STEP)
                            + " counters " + fx.gateway.counters().sessionsSecured());

            String v1 = fx.load(chromium, "/play.html");
            String v2 = fx.load(chromium, "/play.html");
            for (String v : new String[] {v1, v2}) {
                JsonNode played = chromium.evaluate(v, "window.play('cam1')", STEP);
                assertThat(played.path("status").asInt()).as(played.toString()).isEqualTo(201);
            }
            for (String v : new String[] {v1, v2}) {
                Await.until("a viewer decodes frames", Duration.ofSeconds(20),
                        () -> chromium.evaluate(v, "window.cascade.stats()", STEP).path("framesDecoded").asLong() > 30,
                        () -> "viewer stats: " + chromium.evaluate(v, "window.cascade.stats()", STEP)
                                + " publisher: " + chromium.evaluate(pub, "window.sent()", STEP));
            }
            JsonNode stats = chromium.evaluate(v1, "window.cascade.stats()", STEP);
            assertThat(stats.path("audioBytes").asLong()).as("audio arrives too").isPositive();

            // Send-side transport-cc: every viewer negotiated it, gets our sequence numbers, and its
            // feedback drives the delay-based estimate of its downlink
            java.util.List<WebRtcSession> viewers = fx.gateway.sessions().stream()
                    .filter(s -> s.kind() == WebRtcSession.Kind.PLAY).toList();
            assertThat(viewers).hasSize(2);
            for (WebRtcSession viewer : viewers) {
                assertThat(viewer.transportCcStats()).as("the answer kept transport-wide-cc").isPresent();
                Await.until("the viewer's transport-cc feedback reaches the estimator", Duration.ofSeconds(20),
                        () -> viewer.transportCcStats().orElseThrow().acknowledged() > 100
                                && viewer.transportCcStats().orElseThrow().ackedKbps() > 0,
                        () -> "transport-cc " + viewer.transportCcStats());
                var cc = viewer.transportCcStats().orElseThrow();
                System.out.println("viewer " + viewer.id() + " transport-cc: " + cc);
                assertThat(cc.feedback()).isPositive();
                assertThat(cc.malformed()).isZero();
                assertThat(cc.unknown()).as("every reported packet is one we stamped").isZero();
                assertThat(cc.acknowledged() + cc.lost()).as("feedback covers what we stamped")
                        .isGreaterThan(cc.stamped() / 2);
                assertThat(cc.estimateKbps()).isBetween(50, 20_000);
            }

        }
    }

    /**
     * Transport-cc feedback (ours) is what lets a browser's congestion controller climb above its
     * 300 kbps start: a publisher whose encoder wants more (a canvas of noise) gets an estimate
     * well above the start within seconds on loopback.
     */
    @Test
    @Timeout(60)
    void transportCcFeedbackLetsThePublishersEstimateClimb() throws Exception {
        assumeTrue(Chromium.available(), "needs /usr/bin/chromium");
        try (WebRtcFixture fx = new WebRtcFixture("127.0.0.1", "127.0.0.1"); Chromium chromium = Chromium.start()) {
            String pub = fx.load(chromium, "/publish.html");
            JsonNode published = chromium.evaluate(pub, "window.publish('noise', 'dev', false, true)", STEP);
            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(201);
            Await.until("the publisher's bandwidth estimate climbs past 1 Mbps", Duration.ofSeconds(30),
                    () -> chromium.evaluate(pub, "window.sent()", STEP).path("bwe").asLong() > 1_000_000,
                    () -> "publisher " + chromium.evaluate(pub, "window.sent()", STEP)
                            + " feedback sent " + fx.gateway.counters().feedbackSent());
            System.out.println("publisher with feedback: " + chromium.evaluate(pub, "window.sent()", STEP)
                    + ", feedback packets " + fx.gateway.counters().feedbackSent());
        }
    }
}
