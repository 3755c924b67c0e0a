// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.turn.bench.TurnClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/ice-servers} with the whole application, and its credentials used for real. */
@QuarkusTest
class IceServersResourceTest {

    @Test
    void needsTheBearerToken() {
        given().when().get("/api/v1/ice-servers").then().statusCode(401);
    }

    @Test
    void handsOutRtcConfigurationShapedServersWithRestCredentials() throws Exception {
        JsonPath body = given().header("Authorization", "Bearer dev").when().get("/api/v1/ice-servers?user=alice")
                .then().statusCode(200).extract().jsonPath();
        List<String> stun = body.getList("iceServers[0].urls");
        List<String> turn = body.getList("iceServers[1].urls");
        assertThat(stun).singleElement().asString().matches("stun:127\\.0\\.0\\.1:\\d+");
        assertThat(turn).anyMatch(u -> u.matches("turn:127\\.0\\.0\\.1:\\d+\\?transport=udp"));
        assertThat(turn).anyMatch(u -> u.matches("turn:127\\.0\\.0\\.1:\\d+\\?transport=tcp"));
        assertThat(body.getMap("iceServers[0]")).doesNotContainKeys("username", "credential");
        String username = body.getString("iceServers[1].username");
        String credential = body.getString("iceServers[1].credential");
        assertThat(username).matches("\\d+:alice");
        assertThat(body.getString("iceServers[1].credentialType")).isEqualTo("password");
        assertThat(credential).isEqualTo(hmac("cascade-local-turn-secret", username));
        assertThat(body.getString("expiresAt")).isNotBlank();

        // The credentials work against this node's TURN server.
        URI url = URI.create(turn.get(0).replace("turn:", "turn://"));
        try (TurnClient client = new TurnClient(new InetSocketAddress(url.getHost(), url.getPort()), username, credential)) {
            assertThat(client.allocate().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(client.refresh(0)).isZero();
        }
    }

    @Test
    void refusesUserNamesThatWouldBreakTheUsernameFormat() {
        given().header("Authorization", "Bearer dev").when().get("/api/v1/ice-servers?user=a:b")
                .then().statusCode(400);
    }

    private static String hmac(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
