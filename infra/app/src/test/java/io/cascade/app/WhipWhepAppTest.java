// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole application: a Chromium page publishes through {@code /whip/{key}} on the app's HTTP
 * port, the media enters this node's relay on its media socket, and another page plays it
 * through {@code /whep/{id}}. Also the WHIP answer's ICE server links and the auth rule.
 */
@QuarkusTest
class WhipWhepAppTest {
    private static final Duration STEP = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    @Test
    void whipNeedsTheBearerTokenAndAnswersWithIceServerLinks() {
        given().contentType("application/sdp").body("v=0\r\n".getBytes()).post("/whip/k1").then().statusCode(401);
        Response r = given().header("Authorization", "Bearer dev").contentType("application/sdp")
                .body("not sdp".getBytes()).post("/whip/k1");
        assertThat(r.statusCode()).isEqualTo(400);
        given().options("/whep/k1").then().statusCode(204).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    @Timeout(90)
    void aBrowserPublishesAndAnotherPlaysThroughTheApp() throws Exception {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        try (Chromium chromium = Chromium.start()) {
            String pub = load(chromium, "webrtc/publish.html?key=apptest&token=dev");
            JsonNode published = chromium.evaluate(pub, "window.cascade.ready", STEP);
            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(201);
            String play = load(chromium, "webrtc/play.html?id=apptest");
            JsonNode played = chromium.evaluate(play, "window.cascade.ready", STEP);
            assertThat(played.path("status").asInt()).as(played.toString()).isEqualTo(201);
            Await.until("the viewer decodes the publisher's video", Duration.ofSeconds(30),
                    () -> chromium.evaluate(play, "window.cascade.stats()", STEP).path(0).path("framesDecoded").asLong() > 30,
                    () -> "viewer " + chromium.evaluate(play, "window.cascade.stats()", STEP)
                            + " publisher " + chromium.evaluate(pub, "window.cascade.stats()", STEP));
            Response whip = given().header("Authorization", "Bearer dev").contentType("application/sdp")
                    .body(chromium.evaluate(pub, "window.cascade.session.pc.localDescription.sdp", STEP).asText().getBytes())
                    .post("/whip/apptest-links");
            assertThat(whip.statusCode()).isEqualTo(201);
            assertThat(whip.headers().getValues("Link")).anyMatch(l -> l.startsWith("<stun:") && l.contains("rel=\"ice-server\""))
                    .anyMatch(l -> l.startsWith("<turn:") && l.contains("username=") && l.contains("credential="));
        }
    }

    private String load(Chromium chromium, String path) {
        String session = chromium.open(base + path);
        Await.until("page " + path + " loaded", Duration.ofSeconds(15),
                () -> chromium.evaluate(session, "document.readyState === 'complete' && !!window.cascade", Duration.ofSeconds(5)).asBoolean());
        return session;
    }
}
