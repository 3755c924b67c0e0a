// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Await;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventConsumer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** WS /ws/signaling with the whole application and a raw WebSocket client (no browser). */
@QuarkusTest
class SignalingEndpointTest {
    private static final String CAPS = "{\"maxBitrateKbps\":2000,\"codecs\":[\"VP8\",\"H264\"],"
            + "\"maxResolution\":{\"width\":1280,\"height\":720},\"network\":\"wifi\"}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    PlatformServices platform;

    @Test
    void malformedMessagesGetAnErrorCodeAndTheConnectionAndNodeStayUp() {
        try (SignalingClient c = SignalingClient.connect(base, "token=dev&user=raw1")) {
            c.expect("welcome");
            assertThat(c.refused("not json").path("code").asText()).isEqualTo("bad_json");
            assertThat(c.refused("[1,2,3]").path("code").asText()).isEqualTo("bad_json");
            assertThat(c.refused("{\"no\":\"type\"}").path("code").asText()).isEqualTo("unknown_type");
            JsonNode unknown = c.refused("{\"type\":\"call.teleport\"}");
            assertThat(unknown.path("code").asText()).isEqualTo("unknown_type");
            assertThat(unknown.path("inReplyTo").asText()).isEqualTo("call.teleport");
            JsonNode missing = c.refused("{\"type\":\"call.invite\",\"caps\":" + CAPS + "}");
            assertThat(missing.path("code").asText()).isEqualTo("invalid_field");
            assertThat(missing.path("message").asText()).startsWith("to:");
            assertThat(c.refused("{\"type\":\"call.invite\",\"to\":\"bob\",\"caps\":{\"maxBitrateKbps\":\"fast\"}}")
                    .path("code").asText()).isEqualTo("invalid_field");
            assertThat(c.refused("{\"type\":\"call.bandwidth\",\"callId\":\"x\",\"maxBitrateKbps\":-5}")
                    .path("message").asText()).startsWith("maxBitrateKbps");
            assertThat(c.refused("{\"type\":\"call.hangup\",\"callId\":\"no-such-call\"}").path("code").asText())
                    .isEqualTo("unknown_call");
            assertThat(c.refused("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}").path("code").asText())
                    .isEqualTo("too_large");
            assertThat(c.refused("{\"type\":\"call.invite\",\"to\":\"raw1\",\"caps\":" + CAPS + "}").path("code").asText())
                    .isEqualTo("self_call");
            assertThat(c.refused("{\"type\":\"room.leave\",\"room\":\"r1\"}").path("code").asText())
                    .isEqualTo("not_in_room");

            c.send("{\"type\":\"ping\"}");
            c.expect("pong");
            assertThat(c.isOpen()).isTrue();
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void withoutATokenOnlyHelloAndPingAreAccepted() {
        try (SignalingClient c = SignalingClient.connect(base, "")) {
            c.send("{\"type\":\"ping\"}");
            c.expect("pong");
            assertThat(c.refused("{\"type\":\"call.invite\",\"to\":\"bob\",\"caps\":" + CAPS + "}").path("code").asText())
                    .isEqualTo("unauthenticated");
            assertThat(c.refused("{\"type\":\"hello\",\"token\":\"wrong\",\"user\":\"x\"}").path("code").asText())
                    .isEqualTo("auth_failed");
            c.send("{\"type\":\"hello\",\"token\":\"dev\",\"user\":\"hello1\"}");
            assertThat(c.expect("welcome").path("user").asText()).isEqualTo("hello1");
            assertThat(c.refused("{\"type\":\"hello\",\"token\":\"dev\",\"user\":\"x\"}").path("code").asText())
                    .isEqualTo("already_authenticated");
        }
    }

    @Test
    void aJwtSignedWithTheConfiguredSecretSignsItsSubjectIn() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String good = jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"jwt-user\",\"exp\":" + (now + 600) + "}");
        try (SignalingClient c = SignalingClient.connect(base, "token=" + good)) {
            assertThat(c.expect("welcome").path("user").asText()).isEqualTo("jwt-user");
        }
        String expired = jwt("{\"alg\":\"HS256\"}", "{\"sub\":\"jwt-user\",\"exp\":" + (now - 3600) + "}");
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"jwt-user\",\"exp\":" + (now + 600) + "}") + ".";
        for (String bad : List.of(expired, none, good.substring(0, good.length() - 2) + "AA")) {
            try (SignalingClient c = SignalingClient.connect(base, "token=" + bad)) {
                assertThat(c.expect("error").path("code").asText()).isEqualTo("auth_failed");
            }
        }
    }

    @Test
    void aFloodIsRefusedWithRateLimited() {
        try (SignalingClient c = SignalingClient.connect(base, "token=dev&user=flood1")) {
            c.expect("welcome");
            for (int i = 0; i < 400; i++) {
                c.send("{\"type\":\"ping\"}");
            }
            assertThat(c.expect("error").path("code").asText()).isEqualTo("rate_limited");
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aCallRelaysSdpIceChatAndConfigAndReachesKafka() {
        List<Event> events = new CopyOnWriteArrayList<>();
        try (EventConsumer consumer = EventConsumer.start(platform.kafkaClientConfig(), "cascade.events", "sig-test", events::add);
             SignalingClient a = SignalingClient.connect(base, "token=dev&user=ws-alice");
             SignalingClient b = SignalingClient.connect(base, "token=dev&user=ws-bob")) {
            a.expect("welcome");
            b.expect("welcome");
            a.send("{\"type\":\"call.invite\",\"to\":\"ws-bob\",\"callId\":\"ws-call-1\",\"caps\":" + CAPS + "}");
            assertThat(b.expect("call.incoming").path("from").asText()).isEqualTo("ws-alice");
            a.expect("call.ringing");
            b.send("{\"type\":\"call.accept\",\"callId\":\"ws-call-1\",\"caps\":{\"maxBitrateKbps\":1000,\"codecs\":[\"h264\"],"
                    + "\"maxResolution\":{\"width\":1920,\"height\":1080},\"network\":\"cellular\"}}");
            JsonNode accepted = a.expect("call.accepted");
            assertThat(accepted.path("role").asText()).isEqualTo("caller");
            assertThat(accepted.path("config").toString()).isEqualTo("{\"maxBitrateKbps\":1000,\"codecs\":[\"H264\"],"
                    + "\"maxResolution\":{\"width\":640,\"height\":360},\"network\":\"cellular\"}");
            assertThat(b.expect("call.accepted").path("role").asText()).isEqualTo("callee");

            a.send("{\"type\":\"call.sdp\",\"callId\":\"ws-call-1\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}");
            assertThat(b.expect("call.sdp").path("description").path("sdp").asText()).isEqualTo("v=0\r\n");
            b.send("{\"type\":\"call.ice\",\"callId\":\"ws-call-1\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 192.0.2.2 5000 typ host\","
                    + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
            assertThat(a.expect("call.ice").path("candidate").path("sdpMid").asText()).isEqualTo("0");

            a.send("{\"type\":\"chat.send\",\"callId\":\"ws-call-1\",\"id\":\"m1\",\"text\":\"hi\"}");
            assertThat(a.expect("chat.receipt").path("status").asText()).isEqualTo("sent");
            assertThat(b.expect("chat.message").path("text").asText()).isEqualTo("hi");
            b.send("{\"type\":\"chat.ack\",\"callId\":\"ws-call-1\",\"id\":\"m1\",\"status\":\"read\"}");
            assertThat(a.expect("chat.receipt").path("status").asText()).isEqualTo("read");

            b.send("{\"type\":\"call.bandwidth\",\"callId\":\"ws-call-1\",\"maxBitrateKbps\":300}");
            assertThat(a.expect("call.config").path("config").path("maxBitrateKbps").asInt()).isEqualTo(300);
            assertThat(b.expect("call.config").path("config").path("maxResolution").path("height").asInt()).isEqualTo(180);
            a.send("{\"type\":\"call.mode\",\"callId\":\"ws-call-1\",\"mode\":\"relay\"}");
            // frames of one connection keep their order, two connections' do not: let a's report land first
            a.send("{\"type\":\"ping\"}");
            a.expect("pong");

            b.send("{\"type\":\"call.hangup\",\"callId\":\"ws-call-1\"}");
            assertThat(a.expect("call.ended").path("reason").asText()).isEqualTo("hangup");
            assertThat(b.expect("call.ended").path("reason").asText()).isEqualTo("hangup");

            Await.until("call events in Kafka", Duration.ofSeconds(30), () -> types(events, "ws-call-1").containsAll(
                    List.of("call.started", "config.changed", "mode.changed", "call.ended")), () -> events.toString());
            Event ended = events.stream().filter(e -> e.type().equals("call.ended") && e.subject().equals("ws-call-1"))
                    .findFirst().orElseThrow();
            assertThat(ended.payload().path("reason").asText()).isEqualTo("hangup");
            assertThat(ended.payload().path("answered").asBoolean()).isTrue();
            assertThat(ended.payload().has("durationMs")).isTrue();
        }
    }

    private static List<String> types(List<Event> events, String subject) {
        return events.stream().filter(e -> e.subject().equals(subject)).map(Event::type).toList();
    }

    private static String jwt(String header, String claims) throws Exception {
        String input = b64(header) + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-only-signaling-jwt-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
