// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code cascade.playback.token-secret} set, {@code /hls} and {@code POST /whep} need a
 * playback token for their broadcast: 401 without one, 403 for a forged, foreign or malformed
 * one. The route API hands out URLs that carry a valid token.
 */
@QuarkusTest
@TestProfile(PlaybackTokenAppTest.TokensOn.class)
class PlaybackTokenAppTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    public static final class TokensOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cascade.playback.token-secret", "test-only-playback-secret-0123456789abcdef");
        }
    }

    @Test
    void hlsAndWhepNeedATokenForTheirBroadcast() {
        String id = broadcast();
        String other = broadcast();
        JsonPath route = given().header("Authorization", "Bearer dev").queryParam("broadcast", id)
                .get("/api/v1/edges/route").then().statusCode(200).extract().jsonPath();
        String token = route.getString("token");
        assertThat(token).matches("[0-9]+\\.[A-Za-z0-9_-]{43}");
        assertThat(route.getString("edges[0].hls")).endsWith("/hls/" + id + "/master.m3u8?token=" + token);
        String foreign = given().header("Authorization", "Bearer dev").queryParam("broadcast", other)
                .get("/api/v1/edges/route").jsonPath().getString("token");

        given().get("/hls/" + id + "/master.m3u8").then().statusCode(401).header("Access-Control-Allow-Origin", "*");
        given().get("/hls/" + id + "/master.m3u8?token=" + foreign).then().statusCode(403);
        given().get("/hls/" + id + "/master.m3u8?token=" + token.replace('.', 'x')).then().statusCode(403);
        given().get("/hls/" + id + "/720p/index.m3u8?token=1." + token.substring(token.indexOf('.') + 1)).then().statusCode(403);
        // valid: the packager answers (nothing published yet: 404), not the gate
        assertThat(given().get(URI.create(route.getString("edges[0].hls")).getRawPath() + "?token=" + token).statusCode())
                .isEqualTo(404);

        byte[] sdp = "v=0\r\n".getBytes();
        given().contentType("application/sdp").body(sdp).post("/whep/" + id).then().statusCode(401);
        given().contentType("application/sdp").body(sdp).post("/whep/" + id + "?token=" + foreign).then().statusCode(403);
        // a valid token passes the gate: this broadcast has no WHEP rendition yet, and the offer is not SDP
        int status = given().contentType("application/sdp").body(sdp).post("/whep/" + id + "?token=" + token).statusCode();
        assertThat(status).isIn(400, 404);
        given().options("/hls/" + id + "/master.m3u8").then().statusCode(204);
    }

    private static String broadcast() {
        return given().header("Authorization", "Bearer dev").contentType("application/json").body("{\"name\":\"t\"}")
                .post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath().getString("id");
    }
}
