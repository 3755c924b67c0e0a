// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.cascade.local.junit.Await;
import io.cascade.platform.directory.NodeHeartbeat;
import io.cascade.platform.directory.NodeInfo;
import io.cascade.platform.directory.ViewerSessions;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/edges/route}: edges from the directory, the viewer's region first, then by
 * load, with HLS and WHEP URLs; bad requests are named. Playback is open here (no token secret).
 */
@QuarkusTest
class EdgesRouteTest {
    private static final List<String> EXTRA = List.of("edge-eu-busy", "edge-eu-idle", "edge-us", "sfu-eu", "edge-ap-1",
            "edge-ap-2");

    @Inject
    PlatformServices platform;

    @AfterEach
    void forgetTheExtraNodes() {
        EXTRA.forEach(platform.directory()::deregister);
        TestBroadcasts.deleteAll();
    }

    @Test
    void edgesAreRankedByRegionThenLoad() {
        platform.directory().register(node("edge-eu-busy", "edge", "eu", 0.8));
        platform.directory().register(node("edge-eu-idle", "edge", "eu", 0.1));
        platform.directory().register(node("edge-us", "edge", "us", 0.0));
        platform.directory().register(node("sfu-eu", "sfu", "eu", 0.0));
        String id = broadcast();
        JsonPath route = given().header("Authorization", "Bearer dev").queryParam("broadcast", id).queryParam("region", "eu")
                .get("/api/v1/edges/route").then().statusCode(200).extract().jsonPath();
        List<String> order = route.getList("edges.node");
        assertThat(order).as("edge-role nodes and this all-roles node; not the SFU").doesNotContain("sfu-eu")
                .contains("node-1");
        assertThat(order.subList(0, 2)).containsExactly("edge-eu-idle", "edge-eu-busy");
        assertThat(order.indexOf("edge-us")).isLessThan(order.indexOf("node-1")).as("load 0.0 before 0.0 by id");
        assertThat(route.getString("edges[0].hls")).isEqualTo("http://10.9.0.2:8080/hls/" + id + "/master.m3u8");
        assertThat(route.getString("edges[0].whep")).isEqualTo("http://10.9.0.2:8080/whep/" + id);
        assertThat(route.getBoolean("edges[0].sameRegion")).isTrue();
        assertThat(route.getString("token")).isNull();
    }

    /**
     * An edge that stops heartbeating (a crash: no deregistration) leaves the ranking within one
     * directory TTL, and a viewer that asks again (as players do when their edge stops answering)
     * is sent to the next edge of its region.
     */
    @Test
    void aDeadEdgesViewersAreRoutedToAnotherEdge() throws Exception {
        Duration beat = Duration.ofMillis(300);
        try (NodeHeartbeat first = NodeHeartbeat.start(platform.directory(), node("edge-ap-1", "edge", "ap", 0.0), () -> 0.1, beat);
             NodeHeartbeat second = NodeHeartbeat.start(platform.directory(), node("edge-ap-2", "edge", "ap", 0.0), () -> 0.5, beat)) {
            String id = broadcast();
            assertThat(route(id, "ap").subList(0, 2)).containsExactly("edge-ap-1", "edge-ap-2");
            long died = System.nanoTime();
            first.cancel();
            Duration bound = platform.directory().ttl().plusSeconds(5);
            Await.until("the dead edge leaves the ranking", bound, () -> !route(id, "ap").contains("edge-ap-1"));
            System.out.printf("dead edge gone from the route after %d ms (directory TTL %s)%n",
                    (System.nanoTime() - died) / 1_000_000, platform.directory().ttl());
            assertThat(route(id, "ap").getFirst()).isEqualTo("edge-ap-2");
        }
    }

    private static List<String> route(String broadcast, String region) {
        return given().header("Authorization", "Bearer dev").queryParam("broadcast", broadcast).queryParam("region", region)
                .get("/api/v1/edges/route").then().statusCode(200).extract().jsonPath().getList("edges.node");
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        given().queryParam("broadcast", "x").get("/api/v1/edges/route").then().statusCode(401);
        given().header("Authorization", "Bearer dev").get("/api/v1/edges/route").then().statusCode(400);
        given().header("Authorization", "Bearer dev").queryParam("broadcast", "../etc").get("/api/v1/edges/route")
                .then().statusCode(400);
        given().header("Authorization", "Bearer dev").queryParam("broadcast", "nope").get("/api/v1/edges/route")
                .then().statusCode(404);
        given().contentType("application/sdp").body("v=0\r\n".getBytes()).post("/whep/nope?rendition=720p").then().statusCode(404);
        given().get("/hls/nope/master.m3u8").then().statusCode(404);
    }

    @Test
    void aNewBroadcastHasNoViewers() {
        String id = broadcast();
        assertThat(given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts/" + id).jsonPath().getLong("viewers"))
                .isZero();
    }

    /** Another edge's report in the directory plus a local HLS client: the state sums them by edge and region. */
    @Test
    void viewersAreCountedAcrossTheCluster() {
        String id = broadcast();
        platform.viewerCounts().report("edge-ap-1", "ap", Map.of(id, 5L));
        given().get("/hls/" + id + "/master.m3u8"); // a local HLS client (404 before media, but it asked)
        JsonPath state = given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts/" + id).jsonPath();
        assertThat(state.getLong("viewers")).isEqualTo(6);
        assertThat(state.getMap("viewersByEdge", String.class, Long.class)).containsEntry("edge-ap-1", 5L)
                .containsEntry("node-1", 1L);
        assertThat(state.getMap("viewersByRegion", String.class, Long.class)).containsEntry("ap", 5L);
        platform.viewerCounts().withdraw("edge-ap-1");
        assertThat(given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts/" + id).jsonPath()
                .getLong("viewers")).isEqualTo(1);
    }

    /**
     * Which edge serves which viewer session: a local HLS client shows up under this node, a
     * session another edge wrote to the directory under that edge; bad ids are refused.
     */
    @Test
    void theDirectoryListsEachViewerSessionWithTheEdgeServingIt() {
        String id = broadcast();
        ViewerSessions otherEdge = new ViewerSessions(platform.caches().viewerSessions(), InstantSource.system(),
                Duration.ofSeconds(6), 100);
        otherEdge.sync("edge-ap-1", "ap", List.of(new ViewerSessions.Live("whepAp1", id, "whep")));
        given().header("User-Agent", "sessions-test").get("/hls/" + id + "/master.m3u8");
        Await.until("this node's HLS client is listed", Duration.ofSeconds(15), () -> given()
                .header("Authorization", "Bearer dev").get("/api/v1/viewers?broadcast=" + id).jsonPath().getInt("count") == 2);
        JsonPath listing = given().header("Authorization", "Bearer dev").get("/api/v1/viewers?broadcast=" + id).jsonPath();
        assertThat(listing.getList("sessions.node", String.class)).containsExactlyInAnyOrder("edge-ap-1", "node-1");
        String hls = listing.getList("sessions", Map.class).stream().filter(m -> "hls".equals(m.get("kind")))
                .map(m -> (String) m.get("id")).findFirst().orElseThrow();
        assertThat(hls).startsWith("hls-").doesNotContain("sessions-test");
        assertThat(given().header("Authorization", "Bearer dev").get("/api/v1/viewers/" + hls).jsonPath().getString("node"))
                .isEqualTo("node-1");
        JsonPath ap = given().header("Authorization", "Bearer dev").get("/api/v1/viewers/whepAp1").jsonPath();
        assertThat(ap.getString("region")).isEqualTo("ap");
        assertThat(ap.getString("broadcast")).isEqualTo(id);

        otherEdge.sync("edge-ap-1", "ap", List.of()); // the viewer left
        given().header("Authorization", "Bearer dev").get("/api/v1/viewers/whepAp1").then().statusCode(404);
        given().header("Authorization", "Bearer dev").get("/api/v1/viewers/a..b").then().statusCode(400);
        given().header("Authorization", "Bearer dev").get("/api/v1/viewers?broadcast=" + id + "&limit=0").then().statusCode(400);
        given().header("Authorization", "Bearer dev").get("/api/v1/viewers?broadcast=../x").then().statusCode(400);
        given().get("/api/v1/viewers?broadcast=" + id).then().statusCode(401);
    }

    private static String broadcast() {
        return given().header("Authorization", "Bearer dev").contentType("application/json").body("{\"name\":\"r\"}")
                .post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static NodeInfo node(String id, String role, String region, double load) {
        String ip = switch (id) {
            case "edge-eu-idle" -> "10.9.0.2";
            case "edge-eu-busy" -> "10.9.0.1";
            case "edge-ap-1" -> "10.9.1.1";
            case "edge-ap-2" -> "10.9.1.2";
            default -> "10.9.0.3";
        };
        return new NodeInfo(id, Set.of(role), region, Map.of("http", "http://" + ip + ":8080"), load);
    }
}
