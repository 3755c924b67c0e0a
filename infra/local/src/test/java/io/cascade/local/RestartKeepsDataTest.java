// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.Await;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventConsumer;
import io.cascade.platform.event.KafkaEventPublisher;
import io.cascade.platform.objectstore.ObjectStore;
import io.cascade.platform.objectstore.S3Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the embedded services on the same data directory loses nothing. */
class RestartKeepsDataTest {
    @TempDir
    Path data;

    @Test
    void kafkaEventsSurviveARestart() throws Exception {
        int port = Ports.orFree(0);
        int controller = Ports.orFree(0);
        Map<String, Object> client = Map.of("bootstrap.servers", "127.0.0.1:" + port);
        Event before = Event.of("call.ended", "node-1", "room-1", null);
        try (EmbeddedKafka k = EmbeddedKafka.start(data.resolve("kafka"), port, controller);
             var pub = KafkaEventPublisher.start(client, new KafkaEventPublisher.Settings(
                     "durable", 10, 3, Duration.ofMillis(50), Duration.ofSeconds(2)))) {
            pub.publish(before);
            Await.until("delivered", Duration.ofSeconds(30), () -> pub.stats().delivered() == 1);
        }
        try (EmbeddedKafka k = EmbeddedKafka.start(data.resolve("kafka"), port, controller)) {
            List<Event> got = new CopyOnWriteArrayList<>();
            try (var con = EventConsumer.start(client, "durable", "after-restart", got::add)) {
                Await.until("event from before the restart", Duration.ofSeconds(60), () -> got.contains(before));
            }
        }
    }

    @Test
    void s3ObjectsSurviveARestart() throws Exception {
        int port = Ports.orFree(0);
        S3Settings settings = new S3Settings(Optional.of(java.net.URI.create("http://127.0.0.1:" + port)),
                "us-east-1", "keep", "k", "s", true);
        try (EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"), port, "k", "s", "keep");
             ObjectStore store = settings.open()) {
            store.put("a/b.txt", "kept".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"), port, "k", "s", "keep");
             ObjectStore store = settings.open()) {
            assertThat(store.get("a/b.txt")).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("kept"));
        }
    }
}
