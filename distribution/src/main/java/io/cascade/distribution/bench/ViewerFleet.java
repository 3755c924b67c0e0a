// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many {@link WhepViewer}s in one process: a UDP engine with one socket per viewer, spread over a
 * few event-loop threads ({@code socketsPerThread}, recvmmsg/sendmmsg on epoll), a 50 ms timer
 * per thread for the viewers' checks and reports, and one shared client certificate. A viewer is
 * added with {@link #add}: its offer is POSTed to the WHEP endpoint (java.net.http), the answer
 * parsed, and the viewer starts on the next free socket. Counts are summed on each thread
 * ({@link #totals}), so the packet path needs no locks.
 */
final class ViewerFleet implements AutoCloseable {
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final long TICK_MS = 50;

    /** One socket and the viewer on it, if any; the viewer field belongs to the socket's thread. */
    private static final class Slot {
        final UdpSocket socket;
        WhepViewer viewer;

        Slot(UdpSocket socket) {
            this.socket = socket;
        }
    }

    private final URI whep;
    private final UdpEngine engine;
    /** Set once the engine's sockets exist; datagrams before then cannot be for a viewer. */
    private volatile Map<UdpSocket, Slot> slots = Map.of();
    private final List<Slot> ordered = new ArrayList<>();
    private final Map<EventExecutor, List<Slot>> byThread = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SecureRandom random = new SecureRandom();
    private final DtlsCertificate certificate = DtlsCertificate.generate(random);
    private final DtlsCounters dtlsCounters = new DtlsCounters();
    private int used;

    /**
     * @param whep the WHEP endpoint of the stream, e.g. {@code http://127.0.0.1:8080/whep/live}
     * @param capacity the most viewers this fleet will hold (one socket each)
     * @param threads event-loop threads the sockets are spread over
     */
    ViewerFleet(URI whep, int capacity, int threads) throws IOException {
        this.whep = whep;
        int perThread = (capacity + threads - 1) / threads;
        DatagramHandler handler = (datagram, sender, socket) -> deliver(datagram, socket);
        // 1 MiB receive buffers: a viewer gets ~330 datagrams/s; this absorbs a scheduling hiccup of seconds.
        this.engine = UdpEngine.start(UdpEngineConfig.defaults().withThreads(threads, perThread)
                .withSendQueueCapacity(256).withSocketBuffers(1 << 20, 256 << 10), handler);
        Map<UdpSocket, Slot> map = new IdentityHashMap<>();
        for (UdpSocket s : engine.sockets()) {
            Slot slot = new Slot(s);
            map.put(s, slot);
            ordered.add(slot);
            byThread.computeIfAbsent(s.executor(), e -> new ArrayList<>()).add(slot);
        }
        this.slots = map;
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            timers.add(e.getKey().scheduleAtFixedRate(() -> tick(own), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS));
        }
    }

    private void deliver(ByteBuf datagram, UdpSocket socket) {
        Slot slot = datagram.isReadable() ? slots.get(socket) : null;
        WhepViewer v = slot == null ? null : slot.viewer;
        if (v != null) {
            v.onDatagram(datagram);
        }
    }

    private static void tick(List<Slot> own) {
        long now = System.nanoTime();
        for (Slot slot : own) {
            WhepViewer v = slot.viewer;
            if (v != null && v.tick(now)) {
                slot.socket.flush();
            }
        }
    }

    /** Viewers added so far (started, not necessarily secured). */
    synchronized int size() {
        return used;
    }

    /**
     * Offers, and once answered starts, one more viewer.
     *
     * @return completes when the viewer's DTLS is done; fails with the reason otherwise
     */
    CompletableFuture<WhepViewer> add() {
        Slot slot;
        synchronized (this) {
            if (used == ordered.size()) {
                return CompletableFuture.failedFuture(new IllegalStateException("fleet full: " + used));
            }
            slot = ordered.get(used++);
        }
        String ufrag = token(8);
        String offer = WhepOffer.text(ufrag, token(24), certificate, random.nextLong() & Long.MAX_VALUE);
        HttpRequest post = HttpRequest.newBuilder(whep).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offer)).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("WHEP POST " + response.statusCode() + ": " + response.body().strip());
            }
            WhepAnswer answer = WhepAnswer.parse(response.body());
            CompletableFuture<WhepViewer> secured = new CompletableFuture<>();
            slot.socket.executor().execute(() -> {
                WhepViewer v = new WhepViewer(slot.socket, ufrag, answer, certificate, dtlsCounters, random,
                        System.nanoTime());
                slot.viewer = v;
                v.tick(System.nanoTime());
                slot.socket.flush();
                v.secured.whenComplete((ok, e) -> {
                    if (e != null) {
                        secured.completeExceptionally(e);
                    } else {
                        secured.complete(ok);
                    }
                });
            });
            return secured;
        });
    }

    /** The counts of every viewer now, summed on each viewer's thread. */
    ViewerTotals totals() throws Exception {
        ViewerTotals sum = new ViewerTotals();
        List<io.netty.util.concurrent.Future<ViewerTotals>> parts = new ArrayList<>();
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            parts.add(e.getKey().submit(() -> {
                ViewerTotals t = new ViewerTotals();
                for (Slot s : own) {
                    if (s.viewer != null) {
                        s.viewer.addTo(t);
                    }
                }
                return t;
            }));
        }
        for (var p : parts) {
            sum.add(p.get(10, TimeUnit.SECONDS));
        }
        return sum;
    }

    /** Why viewers failed, first few; for the report. */
    List<String> failures(int limit) throws Exception {
        List<String> out = new ArrayList<>();
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            out.addAll(e.getKey().submit(() -> own.stream().map(s -> s.viewer)
                    .filter(v -> v != null && v.failure != null).map(v -> v.failure).limit(limit).toList())
                    .get(10, TimeUnit.SECONDS));
        }
        return out.stream().limit(limit).toList();
    }

    /** Received packets of track {@code index} per viewer, for tests; in start order. */
    List<Long> receivedPerViewer(int index) throws Exception {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            out.addAll(e.getKey().submit(() -> own.stream().filter(s -> s.viewer != null)
                    .map(s -> s.viewer.received(index)).toList()).get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    private synchronized String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
        }
        return new String(out);
    }

    @Override
    public void close() {
        timers.forEach(t -> t.cancel(false));
        for (Slot s : ordered) {
            WhepViewer v = s.viewer;
            if (v != null) {
                v.close();
            }
        }
        engine.close();
        http.close();
    }
}
