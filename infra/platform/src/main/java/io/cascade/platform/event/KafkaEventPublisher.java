// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes events to one Kafka topic without ever blocking its caller.
 *
 * <p>Callers append to a bounded deque; a full deque evicts its oldest event (counted as dropped),
 * because fresh facts are worth more than stale ones. One sender thread drains the deque into a
 * {@link KafkaProducer}. While Kafka is away the producer's metadata wait ({@code max.block.ms})
 * stalls only the sender; a failed send goes back to the head of the deque until it runs out of
 * attempts. The producer reconnects by itself, so delivery resumes when Kafka returns.
 */
public final class KafkaEventPublisher implements EventPublisher {
    private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class);

    /** Tuning of the publisher itself; Kafka client settings come separately. */
    public record Settings(String topic, int buffer, int attempts, Duration retryBackoff, Duration maxBlock) {
        public Settings {
            if (buffer <= 0 || attempts <= 0) {
                throw new IllegalArgumentException("buffer and attempts must be positive");
            }
        }
    }

    private record Pending(Event event, int attempt) {}

    private final Settings settings;
    private final Producer<String, byte[]> producer;
    private final LinkedBlockingDeque<Pending> buffer;
    private final Thread sender;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean closed;

    private KafkaEventPublisher(Settings settings, Producer<String, byte[]> producer) {
        this.settings = settings;
        this.producer = producer;
        this.buffer = new LinkedBlockingDeque<>(settings.buffer());
        this.sender = Thread.ofPlatform().name("event-publisher").daemon().unstarted(this::sendLoop);
    }

    /** Starts a publisher; {@code kafka} holds client settings (at least bootstrap.servers). */
    public static KafkaEventPublisher start(Map<String, Object> kafka, Settings settings) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "cascade-events");
        KafkaEventPublisher p = new KafkaEventPublisher(settings, new KafkaProducer<>(props));
        p.sender.start();
        return p;
    }

    @Override
    public boolean publish(Event event) {
        if (closed) {
            return false;
        }
        accepted.incrementAndGet();
        enqueueLast(new Pending(event, 0));
        return true;
    }

    private void enqueueLast(Pending p) {
        while (!buffer.offerLast(p)) {
            if (buffer.pollFirst() != null) {
                countDrop("buffer full");
            }
        }
    }

    private void sendLoop() {
        while (!closed) {
            Pending p;
            try {
                p = buffer.pollFirst(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p != null && !trySend(p)) {
                LockSupport.parkNanos(settings.retryBackoff().toNanos());
            }
        }
    }

    /** Hands one event to the producer; false when Kafka refused it right away. */
    private boolean trySend(Pending p) {
        Event e = p.event();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                settings.topic(), e.subject().isEmpty() ? null : e.subject(), EventCodec.encode(e));
        try {
            producer.send(record, (meta, ex) -> {
                if (ex == null) {
                    delivered.incrementAndGet();
                } else {
                    failed(p, ex);
                }
            });
            return true;
        } catch (KafkaException | IllegalStateException ex) {
            failed(p, ex);
            return false;
        }
    }

    private void failed(Pending p, Exception cause) {
        if (closed || p.attempt() + 1 >= settings.attempts()) {
            countDrop(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            return;
        }
        retried.incrementAndGet();
        if (!buffer.offerFirst(new Pending(p.event(), p.attempt() + 1))) {
            countDrop("buffer full on retry");
        }
    }

    private void countDrop(String why) {
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.warnf("events dropped: %d so far (latest: %s)", n, why);
        }
    }

    @Override
    public PublisherStats stats() {
        return new PublisherStats(accepted.get(), delivered.get(), dropped.get(), retried.get(), buffer.size());
    }

    /** Stops taking events, gives queued ones a short chance to go out, then closes the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!buffer.isEmpty() && System.nanoTime() < deadline && sender.isAlive()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        closed = true;
        sender.interrupt();
        try {
            sender.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
        int left = buffer.size();
        buffer.clear();
        for (int i = 0; i < left; i++) {
            countDrop("closed");
        }
    }
}
