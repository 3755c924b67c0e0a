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
 * Many synthetic WebRTC peers in one process ({@link WhepViewer}s, and the {@link
 * SimulcastPublisher}s of the SFU bench): a UDP engine with one socket per peer, spread over a few
 * event-loop threads ({@code socketsPerThread}, recvmmsg/sendmmsg on epoll), a timer per thread
 * for the peers' checks, reports and media, and one shared client certificate. A peer is added
 * with {@link #add}: its offer is POSTed to a WHEP or WHIP endpoint (java.net.http), the answer
 * parsed, and the peer starts on the next free socket. Counts are summed on each thread ({@link
 * #totals}), so the packet path needs no locks.
 */
final class ViewerFleet implements AutoCloseable {
    /**
     * How one kind of peer offers and starts.
     *
     * @param <P> the peer
     */
    interface PeerKind<P extends SyntheticPeer> {
        /** The SDP offer; {@code ssrc} is a random SSRC the peer may announce (and then use). */
        String offer(String ufrag, String pwd, DtlsCertificate certificate, long sessionId, int ssrc);

        /** The peer on its socket, from the answer's SDP; on the socket's thread. */
        P start(UdpSocket socket, String ufrag, String answerSdp, DtlsCertificate certificate, DtlsCounters counters,
                SecureRandom random, long nowNanos, int ssrc);

        /** Completes with the peer once it is secured. */
        CompletableFuture<P> secured(P peer);
    }

    /** WHEP viewers of the offer {@link WhepOffer} makes, taking H.264 video. */
    static final PeerKind<WhepViewer> VIEWER = viewer("H264");

    /** WHEP viewers taking {@code H264} or {@code VP8} video. */
    static PeerKind<WhepViewer> viewer(String codec) {
        return new PeerKind<>() {
            @Override
            public String offer(String ufrag, String pwd, DtlsCertificate certificate, long sessionId, int ssrc) {
                return WhepOffer.text(ufrag, pwd, certificate, sessionId, codec);
            }

            @Override
            public WhepViewer start(UdpSocket socket, String ufrag, String answerSdp, DtlsCertificate certificate,
                                    DtlsCounters counters, SecureRandom random, long nowNanos, int ssrc) {
                return new WhepViewer(socket, ufrag, WhepAnswer.parse(answerSdp), certificate, counters, random,
                        nowNanos);
            }

            @Override
            public CompletableFuture<WhepViewer> secured(WhepViewer peer) {
                return peer.secured;
            }
        };
    }

    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    /** One socket and the peer on it, if any; the peer field belongs to the socket's thread. */
    private static final class Slot {
        final UdpSocket socket;
        SyntheticPeer viewer;

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
     * Viewers of one stream, on a 50 ms timer.
     *
     * @param whep the WHEP endpoint of the stream, e.g. {@code http://127.0.0.1:8080/whep/live}
     * @param capacity the most viewers this fleet will hold (one socket each)
     * @param threads event-loop threads the sockets are spread over
     */
    ViewerFleet(URI whep, int capacity, int threads) throws IOException {
        this(whep, capacity, threads, 50);
    }

    /**
     * @param whep the default endpoint of {@link #add()}, or null
     * @param capacity the most peers this fleet will hold (one socket each)
     * @param threads event-loop threads the sockets are spread over
     * @param tickMs the peers' timer: publishers send the frames due on it
     */
    ViewerFleet(URI whep, int capacity, int threads, long tickMs) throws IOException {
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
            timers.add(e.getKey().scheduleAtFixedRate(() -> tick(own), tickMs, tickMs, TimeUnit.MILLISECONDS));
        }
    }

    private void deliver(ByteBuf datagram, UdpSocket socket) {
        Slot slot = datagram.isReadable() ? slots.get(socket) : null;
        SyntheticPeer v = slot == null ? null : slot.viewer;
        if (v != null) {
            v.onDatagram(datagram);
        }
    }

    private static void tick(List<Slot> own) {
        long now = System.nanoTime();
        for (Slot slot : own) {
            SyntheticPeer v = slot.viewer;
            if (v != null && v.tick(now)) {
                slot.socket.flush();
            }
        }
    }

    /** Peers added so far (started, not necessarily secured). */
    synchronized int size() {
        return used;
    }

    /**
     * Offers, and once answered starts, one more viewer of the default endpoint.
     *
     * @return completes when the viewer's DTLS is done; fails with the reason otherwise
     */
    CompletableFuture<WhepViewer> add() {
        return add(whep, VIEWER);
    }

    /**
     * Offers to {@code endpoint}, and once answered starts, one more peer of {@code kind}.
     *
     * @return completes when the peer's DTLS is done; fails with the reason otherwise
     */
    <P extends SyntheticPeer> CompletableFuture<P> add(URI endpoint, PeerKind<P> kind) {
        Slot slot;
        synchronized (this) {
            if (used == ordered.size()) {
                return CompletableFuture.failedFuture(new IllegalStateException("fleet full: " + used));
            }
            slot = ordered.get(used++);
        }
        String ufrag = token(8);
        int ssrc;
        long sessionId;
        synchronized (this) {
            ssrc = random.nextInt() | 1;
            sessionId = random.nextLong() & Long.MAX_VALUE;
        }
        String offer = kind.offer(ufrag, token(24), certificate, sessionId, ssrc);
        HttpRequest post = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offer)).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + endpoint.getPath() + " " + response.statusCode() + ": "
                        + response.body().strip());
            }
            CompletableFuture<P> secured = new CompletableFuture<>();
            slot.socket.executor().execute(() -> {
                P v;
                try {
                    v = kind.start(slot.socket, ufrag, response.body(), certificate, dtlsCounters, random,
                            System.nanoTime(), ssrc);
                } catch (RuntimeException e) {
                    secured.completeExceptionally(e);
                    return;
                }
                slot.viewer = v;
                v.tick(System.nanoTime());
                slot.socket.flush();
                kind.secured(v).whenComplete((ok, e) -> {
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

    /** The counts of every peer now, summed on each peer's thread. */
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

    /** Why peers failed, first few; for the report. */
    List<String> failures(int limit) throws Exception {
        List<String> out = new ArrayList<>();
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            out.addAll(e.getKey().submit(() -> own.stream().map(s -> s.viewer)
                    .filter(v -> v != null && v.failure() != null).map(SyntheticPeer::failure).limit(limit).toList())
                    .get(10, TimeUnit.SECONDS));
        }
        return out.stream().limit(limit).toList();
    }

    /** Received packets of track {@code index} per viewer, for tests; in start order. */
    List<Long> receivedPerViewer(int index) throws Exception {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<EventExecutor, List<Slot>> e : byThread.entrySet()) {
            List<Slot> own = e.getValue();
            out.addAll(e.getKey().submit(() -> own.stream().filter(s -> s.viewer instanceof WhepViewer)
                    .map(s -> ((WhepViewer) s.viewer).received(index)).toList()).get(10, TimeUnit.SECONDS));
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
            SyntheticPeer v = s.viewer;
            if (v != null) {
                v.close();
            }
        }
        engine.close();
        http.close();
    }
}
