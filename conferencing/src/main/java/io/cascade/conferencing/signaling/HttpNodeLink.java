// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.platform.directory.Directory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The direct path between signaling nodes: HTTP/1.1 POSTs of JSON {@link NodeMessage.Batch}es to
 * the peer's {@value #PATH} (its directory address {@value #ADDRESS_KEY}), with the cluster token
 * as a bearer token. Chosen over a Kafka topic for latency (one hop on a kept-alive connection,
 * about a millisecond on a LAN, against a broker round trip and a consumer poll) and because
 * signaling needs no history.
 *
 * <p>Order: one sender per destination drains its queue, and everything queued while a POST is
 * in flight goes out in the next one, so messages keep their order per pair of nodes (an ICE
 * candidate never overtakes its offer) and batch up under load. A full queue
 * ({@value #MAX_QUEUE}) drops new messages; a POST that fails is retried once, then its messages
 * are dropped and counted: signaling is live state, and the calls concerned end through the
 * liveness checks instead.
 */
public final class HttpNodeLink implements NodeLink, AutoCloseable {
    public static final String PATH = "/internal/signaling/v1/messages";
    public static final String ADDRESS_KEY = "signaling";
    static final int MAX_QUEUE = 10_000;
    private static final int MAX_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(HttpNodeLink.class);

    private final class Outlet {
        final String node;
        final ConcurrentLinkedQueue<NodeMessage> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger size = new AtomicInteger();
        final AtomicBoolean draining = new AtomicBoolean();

        Outlet(String node) {
            this.node = node;
        }
    }

    private final String self;
    private final String token;
    private final Function<String, Optional<URI>> addresses;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<String, Outlet> outlets = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public HttpNodeLink(String self, String token, Function<String, Optional<URI>> addresses) {
        this.self = self;
        this.token = token;
        this.addresses = addresses;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(senders).build();
    }

    /** Node addresses from the directory entries ({@code addresses.signaling}). */
    public static Function<String, Optional<URI>> fromDirectory(Directory directory) {
        return node -> directory.node(node).map(n -> n.addresses().get(ADDRESS_KEY)).map(URI::create);
    }

    @Override
    public void send(String node, NodeMessage message) {
        Outlet o = outlets.computeIfAbsent(node, Outlet::new);
        if (o.size.incrementAndGet() > MAX_QUEUE) {
            o.size.decrementAndGet();
            drop(1, node, "queue full");
            return;
        }
        o.queue.add(message);
        if (o.draining.compareAndSet(false, true)) {
            senders.execute(() -> drain(o));
        }
    }

    private void drain(Outlet o) {
        while (true) {
            List<NodeMessage> batch = new ArrayList<>();
            NodeMessage m;
            while (batch.size() < MAX_BATCH && (m = o.queue.poll()) != null) {
                batch.add(m);
            }
            o.size.addAndGet(-batch.size());
            if (batch.isEmpty()) {
                o.draining.set(false);
                // a message queued between the last poll and the flag reset must not wait
                if (o.queue.isEmpty() || !o.draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            post(o.node, batch);
        }
    }

    private void post(String node, List<NodeMessage> batch) {
        Optional<URI> uri = addresses.apply(node);
        if (uri.isEmpty()) {
            drop(batch.size(), node, "no signaling address (node gone?)");
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri.get()).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SignalingJson.write(new NodeMessage.Batch(self, batch))))
                .build();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    sent.addAndGet(batch.size());
                    return;
                }
                drop(batch.size(), node, "HTTP " + status);
                return;
            } catch (IOException e) {
                if (attempt == 1) {
                    drop(batch.size(), node, e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drop(batch.size(), node, "interrupted");
                return;
            }
        }
    }

    private void drop(int count, String node, String why) {
        long n = dropped.addAndGet(count);
        if (n == count || n / 100 != (n - count) / 100) {
            LOG.warnf("signaling messages to %s dropped (%d so far): %s", node, n, why);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        senders.shutdownNow();
        http.close();
    }
}
