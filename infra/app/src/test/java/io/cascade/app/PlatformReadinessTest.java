// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The whole application with its embedded Kafka, S3Proxy, Infinispan and local chunk store. */
@QuarkusTest
class PlatformReadinessTest {
    @Inject
    PlatformServices platform;

    @Test
    void readinessNamesEveryDependencyAndAllAreUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("kafka", "s3", "hdfs", "infinispan"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == 'kafka' }.data.mode", equalTo("embedded"));
    }

    @Test
    void prometheusMetricsIncludeThePlatformCounters() {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(body).contains("cascade_events_accepted_total", "cascade_directory_nodes", "jvm_memory_used_bytes",
                "cascade_turn_allocations_active", "cascade_turn_binding_answered_total");
    }

    @Test
    void nodesApiNeedsTheBearerTokenAndListsThisNode() {
        given().when().get("/api/v1/nodes").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").when().get("/api/v1/nodes").then().statusCode(401);
        given().header("Authorization", "Bearer dev").when().get("/api/v1/nodes").then()
                .statusCode(200)
                .body("id", hasItem("node-1"));
    }

    @Test
    void eventsPublishedByTheAppArriveThroughItsKafka() {
        List<Event> got = new CopyOnWriteArrayList<>();
        try (var consumer = EventConsumer.start(platform.kafkaClientConfig(), "cascade.events", "readiness-test", got::add)) {
            Event sent = Event.of("config.changed", "node-1", "test",
                    EventCodec.json().createObjectNode().put("maxBitrateKbps", 1200));
            assertThat(platform.events().publish(sent)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (got.stream().noneMatch(e -> e.id().equals(sent.id())) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertThat(got).contains(sent);
        }
    }
}
