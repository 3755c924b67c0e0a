// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.KafkaFixture;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventConsumer;
import io.cascade.platform.event.KafkaEventPublisher;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaEventRoundTripTest {
    @RegisterExtension
    static final KafkaFixture KAFKA = new KafkaFixture();

    private static KafkaEventPublisher.Settings settings(String topic) {
        return new KafkaEventPublisher.Settings(topic, 1_000, 3, Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    private static Event event(String subject, int seq) {
        ObjectNode payload = EventCodec.json().createObjectNode().put("seq", seq);
        return Event.of("call.started", "node-1", subject, payload);
    }

    @Test
    void publishedEventsReachConsumerIntactAndInOrderPerSubject() {
        List<Event> got = new CopyOnWriteArrayList<>();
        try (var pub = KafkaEventPublisher.start(KAFKA.clientConfig(), settings("roundtrip"));
             var con = EventConsumer.start(KAFKA.clientConfig(), "roundtrip", "g-roundtrip", got::add)) {
            List<Event> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Event e = event("room-" + (i % 3), i);
                sent.add(e);
                assertThat(pub.publish(e)).isTrue();
            }
            Await.until("60 events consumed", Duration.ofSeconds(60), () -> got.size() >= 60, () -> "got " + got.size());

            assertThat(got).containsExactlyInAnyOrderElementsOf(sent);
            for (String subject : List.of("room-0", "room-1", "room-2")) {
                List<Integer> seqs = got.stream().filter(e -> e.subject().equals(subject))
                        .map(e -> e.payload().get("seq").asInt()).toList();
                assertThat(seqs).isSorted().hasSize(20);
            }
            assertThat(pub.stats().delivered()).isEqualTo(60);
            assertThat(pub.stats().dropped()).isZero();
        }
    }

    @Test
    void malformedRecordsAreCountedAndSkippedWithoutStoppingTheConsumer() throws Exception {
        Map<String, Object> props = new HashMap<>(KAFKA.clientConfig());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        try (var raw = new KafkaProducer<String, byte[]>(props)) {
            raw.send(new ProducerRecord<>("dirty", "k", "not json".getBytes())).get();
            raw.send(new ProducerRecord<>("dirty", "k", "{\"type\":\"BAD TYPE\"}".getBytes())).get();
            raw.send(new ProducerRecord<>("dirty", "k", EventCodec.encode(event("k", 1)))).get();
        }
        List<Event> got = new CopyOnWriteArrayList<>();
        try (var con = EventConsumer.start(KAFKA.clientConfig(), "dirty", "g-dirty", got::add)) {
            Await.until("valid event after garbage", Duration.ofSeconds(60), () -> got.size() == 1);
            assertThat(con.malformed()).isEqualTo(2);
            assertThat(con.handled()).isEqualTo(1);
        }
    }
}
