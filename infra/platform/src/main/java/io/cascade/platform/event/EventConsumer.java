// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Runs a handler for every event on a topic, on its own thread, in a consumer group. Malformed
 * records and handler failures are counted and skipped: one bad record must not stop the stream.
 * Offsets are committed after the handler ran (at-least-once).
 */
public final class EventConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<Event> handler;
    private final Thread thread;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    private EventConsumer(KafkaConsumer<String, byte[]> consumer, Consumer<Event> handler, String name) {
        this.consumer = consumer;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name("events-" + name).daemon().unstarted(this::loop);
    }

    /**
     * @param kafka   client settings, at least bootstrap.servers
     * @param groupId consumers sharing it split the partitions; a new group starts at the earliest event
     */
    public static EventConsumer start(Map<String, Object> kafka, String topic, String groupId, Consumer<Event> handler) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props);
        c.subscribe(List.of(topic));
        EventConsumer ec = new EventConsumer(c, handler, groupId);
        ec.thread.start();
        return ec;
    }

    private void loop() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    deliver(r);
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.errorf(e, "event consumer stopped");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> r) {
        Event e;
        try {
            e = EventCodec.decode(r.value());
        } catch (EventFormatException ex) {
            if (malformed.incrementAndGet() % 100 == 1) {
                LOG.warnf("malformed event at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), ex.getMessage());
            }
            return;
        }
        try {
            handler.accept(e);
            handled.incrementAndGet();
        } catch (RuntimeException ex) {
            if (failed.incrementAndGet() % 100 == 1) {
                LOG.warnf(ex, "event handler failed on %s %s", e.type(), e.id());
            }
        }
    }

    public long handled() {
        return handled.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
