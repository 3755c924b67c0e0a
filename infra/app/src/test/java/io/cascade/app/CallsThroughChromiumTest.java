// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.conferencing.turn.TurnCounter;
import io.cascade.local.junit.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 1:1 calls between real Chromium pages at {@code /app}: signaling over /ws/signaling, media peer
 * to peer (Chromium skips 127.0.0.1 host candidates, so the direct path uses the machine's other
 * address; PEERS.md) or, with {@code ?ice=relay}, through our TURN server. Each page waits for its
 * condition inside the page with a bound, so no step can hang the test.
 */
@QuarkusTest
class CallsThroughChromiumTest {
    private static final Duration PAGE_UP = Duration.ofSeconds(15);
    private static final Duration MEDIA = Duration.ofSeconds(30);
    /** Video frames each side must decode: one second at 30 fps. */
    private static final int FRAMES = 30;

    @TestHTTPResource("/")
    URI base;

    @Inject
    TurnService turn;

    @BeforeEach
    void chromium() {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
    }

    @Test
    void peerToPeerCallDecodesVideoOnBothSides() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            String bob = open(chromium, "/app?user=p2p-bob&autoaccept=1");
            String alice = open(chromium, "/app?user=p2p-alice&call=p2p-bob");
            JsonNode a = MeetPages.waitFor(chromium, alice, decoding(), MEDIA);
            JsonNode b = MeetPages.waitFor(chromium, bob, decoding(), MEDIA);
            System.out.println("p2p call: alice " + a + ", bob " + b);
            assertThat(a.path("peer").asText()).isEqualTo("p2p-bob");
            assertThat(b.path("peer").asText()).isEqualTo("p2p-alice");
            assertThat(a.path("mode").asText()).isEqualTo("p2p");
            assertThat(b.path("mode").asText()).isEqualTo("p2p");
            assertThat(a.path("bytesReceived").asLong()).isPositive();
            // the agreed configuration reached the page
            JsonNode state = chromium.evaluate(alice, "cascade.state()", Duration.ofSeconds(5));
            assertThat(state.path("config").path("maxBitrateKbps").asInt()).isEqualTo(2500);

            // hang up: both sides learn it
            chromium.evaluate(alice, "cascade.hangup()", Duration.ofSeconds(5));
            assertThat(MeetPages.waitFor(chromium, bob, "cascade.state().lastEnd", PAGE_UP).path("reason").asText()).isEqualTo("hangup");
        }
    }

    @Test
    void relayOnlyCallGoesThroughOurTurnServer() throws Exception {
        long relayedBefore = turn.counters().get(TurnCounter.RELAYED_TO_PEER);
        try (Chromium chromium = Chromium.start()) {
            String bob = open(chromium, "/app?user=relay-bob&autoaccept=1&ice=relay");
            String alice = open(chromium, "/app?user=relay-alice&call=relay-bob&ice=relay");
            JsonNode a = MeetPages.waitFor(chromium, alice, decoding(), MEDIA);
            JsonNode b = MeetPages.waitFor(chromium, bob, decoding(), MEDIA);
            System.out.println("relay call: alice " + a + ", bob " + b);
            assertThat(a.path("mode").asText()).isEqualTo("relay");
            assertThat(b.path("mode").asText()).isEqualTo("relay");
            assertThat(turn.counters().get(TurnCounter.RELAYED_TO_PEER) - relayedBefore)
                    .isGreaterThanOrEqualTo(a.path("framesDecoded").asLong());
        }
    }

    @Test
    void declinedBusyOfflineAndForbiddenCallsTellTheCallerWhy() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            // declined: the callee's page declines
            String callee = open(chromium, "/app?user=dec-bob");
            String caller = open(chromium, "/app?user=dec-alice&call=dec-bob");
            MeetPages.waitFor(chromium, callee, "cascade.state().call && cascade.state().call.state === 'ringing'", PAGE_UP);
            chromium.evaluate(callee, "cascade.decline()", Duration.ofSeconds(5));
            assertThat(lastEnd(chromium, caller).path("reason").asText()).isEqualTo("declined");

            // busy: busy-bob is in a call with busy-alice when busy-carol calls
            String bob = open(chromium, "/app?user=busy-bob&autoaccept=1");
            String alice = open(chromium, "/app?user=busy-alice&call=busy-bob");
            MeetPages.waitFor(chromium, alice, "cascade.state().call && cascade.state().call.state === 'active'", PAGE_UP);
            String carol = open(chromium, "/app?user=busy-carol&call=busy-bob");
            assertThat(lastEnd(chromium, carol).path("reason").asText()).isEqualTo("busy");
            assertThat(chromium.evaluate(bob, "cascade.state().incoming", Duration.ofSeconds(5)).asInt()).isEqualTo(1);

            // offline: dave exists (seeded) but has no page open
            String erin = open(chromium, "/app?user=off-erin&call=dave");
            JsonNode offline = lastEnd(chromium, erin);
            assertThat(offline.path("reason").asText()).isEqualTo("offline");
            assertThat(offline.path("message").asText()).isEqualTo("dave is offline");

            // forbidden: bob blocks mallory; frank takes calls from contacts only
            String mallory = open(chromium, "/app?user=mallory&call=bob");
            assertThat(lastEnd(chromium, mallory).path("reason").asText()).isEqualTo("blocked");
            String stranger = open(chromium, "/app?user=stranger&call=frank");
            JsonNode contactsOnly = lastEnd(chromium, stranger);
            assertThat(contactsOnly.path("reason").asText()).isEqualTo("contacts_only");
            assertThat(contactsOnly.path("message").asText()).isEqualTo("frank accepts calls from contacts only");
        }
    }

    private String open(Chromium chromium, String path) {
        String session = chromium.open(base.resolve(path).toString().replace("localhost", "127.0.0.1"));
        long deadline = System.nanoTime() + PAGE_UP.toNanos();
        while (true) {
            try {
                MeetPages.waitFor(chromium, session, "window.cascade && cascade.state().connected", PAGE_UP);
                return session;
            } catch (IllegalStateException e) {
                // the target opened on about:blank and navigated meanwhile: evaluate again in the page
                if (!String.valueOf(e.getMessage()).contains("context") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static JsonNode lastEnd(Chromium chromium, String session) {
        return MeetPages.waitFor(chromium, session, "cascade.state().lastEnd", PAGE_UP);
    }

    /** JS: this page's stats entry once it decodes {@link #FRAMES} frames on a known media path. */
    private static String decoding() {
        return "(await cascade.stats()).find(s => s.framesDecoded >= " + FRAMES + " && s.mode)";
    }
}
