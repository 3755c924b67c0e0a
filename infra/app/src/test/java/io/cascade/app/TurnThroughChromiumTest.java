// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cascade.conferencing.turn.TurnCounter;
import io.cascade.local.junit.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real Chromium, relay-only ICE with the iceServers our endpoint hands out: video from one peer
 * connection to another in the page must go through our TURN server (PEERS.md: Chromium skips
 * 127.0.0.1 host candidates anyway; with iceTransportPolicy 'relay' everything uses TURN).
 */
@QuarkusTest
class TurnThroughChromiumTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TurnService turn;

    /** Two peers in one page; a canvas stream as the camera; resolves with what getStats says. */
    private static final String PAGE_SCRIPT = """
            (async () => {
              const cfg = { iceServers: ICE_SERVERS, iceTransportPolicy: 'relay' };
              const a = new RTCPeerConnection(cfg), b = new RTCPeerConnection(cfg);
              a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
              b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
              const canvas = document.createElement('canvas');
              canvas.width = 320; canvas.height = 240;
              const g = canvas.getContext('2d');
              let n = 0;
              setInterval(() => { g.fillStyle = `rgb(${n % 255},${(n * 3) % 255},90)`; g.fillRect(0, 0, 320, 240); n += 7; }, 33);
              const stream = canvas.captureStream(30);
              stream.getTracks().forEach(t => a.addTrack(t, stream));
              const offer = await a.createOffer();
              await a.setLocalDescription(offer);
              await b.setRemoteDescription(offer);
              const answer = await b.createAnswer();
              await b.setLocalDescription(answer);
              await a.setRemoteDescription(answer);
              let framesDecoded = 0, pair = null;
              for (let i = 0; i < 200 && framesDecoded < 30; i++) {
                await new Promise(r => setTimeout(r, 100));
                const stats = await b.getStats();
                stats.forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') framesDecoded = r.framesDecoded || 0; });
              }
              const stats = await b.getStats();
              stats.forEach(r => {
                if (r.type === 'transport' && r.selectedCandidatePairId) {
                  const p = stats.get(r.selectedCandidatePairId);
                  pair = { local: stats.get(p.localCandidateId).candidateType, remote: stats.get(p.remoteCandidateId).candidateType };
                }
              });
              a.close(); b.close();
              return { framesDecoded, pair, state: b.iceConnectionState };
            })()
            """;

    @Test
    void chromiumSendsVideoThroughOurTurnWithRelayOnlyIce() throws Exception {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        String iceServers = given().header("Authorization", "Bearer dev").get("/api/v1/ice-servers?user=chromium")
                .then().statusCode(200).extract().asString();
        JsonNode servers = JSON.readTree(iceServers).get("iceServers");
        long relayedBefore = turn.counters().get(TurnCounter.RELAYED_TO_PEER);

        JsonNode result;
        try (Chromium chromium = Chromium.start()) {
            String session = chromium.open("about:blank");
            result = chromium.evaluate(session, PAGE_SCRIPT.replace("ICE_SERVERS", servers.toString()), Duration.ofSeconds(40));
        }

        System.out.println("chromium via our TURN: " + result + ", relayed to peers: "
                + (turn.counters().get(TurnCounter.RELAYED_TO_PEER) - relayedBefore));
        assertThat(result.path("framesDecoded").asInt()).as("frames decoded: " + result).isGreaterThanOrEqualTo(30);
        assertThat(result.path("pair").path("local").asText()).isEqualTo("relay");
        assertThat(result.path("pair").path("remote").asText()).isEqualTo("relay");
        assertThat(turn.counters().get(TurnCounter.ALLOCATIONS_CREATED)).isGreaterThanOrEqualTo(2);
        // every decoded frame crossed our relay in at least one RTP packet
        assertThat(turn.counters().get(TurnCounter.RELAYED_TO_PEER) - relayedBefore)
                .isGreaterThanOrEqualTo(result.path("framesDecoded").asLong());
    }
}
