// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.cascade.transcode.ffmpeg.Natives;
import io.cascade.transcode.media.SourceSink;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.logging.Logger;

/**
 * SRT publishers on one UDP port, any number at once, through the system libsrt ({@link LibSrt}).
 *
 * <p>One listening socket (live transmission type). The caller's stream id is judged inside the
 * handshake, by {@code srt_listen_callback}: an id that is not {@code publish:{streamKey}} is
 * rejected with SRT_REJX_BAD_REQUEST (1400), a key the handler refuses with SRT_REJX_FORBIDDEN
 * (1403), and a key that already has a publisher here with SRT_REJX_CONFLICT (1409), as RTMP
 * refuses a duplicate publish: a wrong key never gets a connection, and the caller sees why. The
 * callback runs on libsrt's receiver thread for the port, which every publisher's packets also go
 * through, so the handler must be quick (a registry lookup). The sink it returns waits, under the
 * new socket's id, for the accept loop: one thread that waits on the listener with
 * {@code srt_epoll_uwait} (so that {@link #close} is seen within {@link #POLL_MS}), accepts, and
 * starts one reader thread per publisher. A sink whose connection failed after the callback (the
 * handshake went no further) is ended after {@link #PENDING_NS}.
 *
 * <p>A reader demuxes its socket's MPEG-TS with JavaCV's FFmpeg reading an {@link java.io.InputStream}
 * ({@link SrtSocketInputStream}), not FFmpeg's own libsrt, so ending one publisher closes its
 * socket only: every other publisher and the listener keep going. A publisher silent for
 * {@link #READ_TIMEOUT_MS}, gone or broken is ended ({@link SourceSink#end}). libsrt itself
 * drops datagrams that are not SRT (or belong to no connection).
 */
final class LibSrtListener implements SrtListener {
    private static final Logger LOG = Logger.getLogger(LibSrtListener.class);
    /** The accept loop looks at {@link #close} this often. */
    private static final int POLL_MS = 500;
    /** A publisher silent this long is ended (SRTO_RCVTIMEO). */
    private static final int READ_TIMEOUT_MS = 3000;
    /** A sink handed out in the handshake whose socket never reached accept is ended after this. */
    private static final long PENDING_NS = TimeUnit.SECONDS.toNanos(10);
    private static final int BACKLOG = 16;

    private final int port;
    private final SrtPublishHandler handler;
    private final int listenSock;
    private final int eid;
    /** Kept reachable: libsrt holds only its native address. */
    private final LibSrt.ListenCallback callback = this::onHandshake;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Publisher> publishers = new ConcurrentHashMap<>();
    /** Stream keys with a pending or live publisher, to the socket that has each. */
    private final Map<String, Integer> liveKeys = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean running = true;

    /** A sink waiting for its socket to be accepted. */
    private record Pending(String key, SourceSink sink, String peer, long sinceNs) {
    }

    /** An accepted publisher: its socket and the stream its reader thread reads. */
    private record Publisher(int sock, SrtSocketInputStream in) {
    }

    private LibSrtListener(InetSocketAddress bind, SrtPublishHandler handler) {
        this.port = bind.getPort();
        this.handler = handler;
        LibSrt.acquire();
        int sock = LibSrt.INVALID_SOCK;
        int epoll = -1;
        try {
            sock = LibSrt.srt_create_socket();
            if (sock == LibSrt.INVALID_SOCK) {
                throw new IllegalStateException("srt_create_socket: " + LibSrt.lastError());
            }
            byte[] sa = LibSrt.sockaddr(bind);
            if (!LibSrt.setInt(sock, LibSrt.SRTO_TRANSTYPE, LibSrt.SRTT_LIVE)
                    || !LibSrt.setInt(sock, LibSrt.SRTO_RCVSYN, 0)
                    || LibSrt.srt_bind(sock, sa, sa.length) == LibSrt.ERROR) {
                throw new IllegalStateException("SRT bind " + bind + ": " + LibSrt.lastError());
            }
            Native.setCallbackThreadInitializer(callback, new CallbackThreadInitializer(true, false, "srt-handshake"));
            if (LibSrt.srt_listen_callback(sock, callback, null) == LibSrt.ERROR
                    || LibSrt.srt_listen(sock, BACKLOG) == LibSrt.ERROR) {
                throw new IllegalStateException("SRT listen " + bind + ": " + LibSrt.lastError());
            }
            epoll = LibSrt.srt_epoll_create();
            if (epoll < 0 || LibSrt.srt_epoll_add_usock(epoll, sock,
                    new int[] {LibSrt.SRT_EPOLL_IN | LibSrt.SRT_EPOLL_ERR}) == LibSrt.ERROR) {
                throw new IllegalStateException("SRT epoll: " + LibSrt.lastError());
            }
        } catch (RuntimeException e) {
            if (epoll >= 0) {
                LibSrt.srt_epoll_release(epoll);
            }
            if (sock != LibSrt.INVALID_SOCK) {
                LibSrt.srt_close(sock);
            }
            LibSrt.release();
            throw e;
        }
        this.listenSock = sock;
        this.eid = epoll;
        this.acceptor = Thread.ofPlatform().daemon().name("srt-accept-" + port).unstarted(this::acceptLoop);
    }

    /** Listens on {@code host:port} (UDP); throws when the port cannot be bound. */
    static LibSrtListener start(String host, int port, SrtPublishHandler handler) {
        Natives.load(); // FFmpeg's log level (it would print every publisher's probe otherwise)
        LibSrtListener l = new LibSrtListener(new InetSocketAddress(host, port), handler);
        l.acceptor.start();
        return l;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long accepted() {
        return accepted.get();
    }

    @Override
    public long refused() {
        return refused.get();
    }

    /** Publishers being read now. */
    int live() {
        return publishers.size();
    }

    /** libsrt's handshake hook: decides by the stream id, never logging it (the key is a secret). */
    private int onHandshake(Pointer opaque, int sock, int hsVersion, Pointer peerAddr, Pointer streamIdPtr) {
        String peer = LibSrt.peer(peerAddr);
        try {
            String streamId = streamIdPtr == null ? "" : streamIdPtr.getString(0, StandardCharsets.UTF_8.name());
            if (!running) {
                return reject(sock, LibSrt.SRT_REJX_FORBIDDEN, peer, "listener closing");
            }
            Optional<String> key = SrtStreamId.publishKey(streamId);
            if (key.isEmpty()) {
                return reject(sock, LibSrt.SRT_REJX_BAD_REQUEST, peer,
                        streamId.isEmpty() ? "no stream id" : "stream id is not publish:{streamKey}");
            }
            if (liveKeys.putIfAbsent(key.get(), sock) != null) {
                return reject(sock, LibSrt.SRT_REJX_CONFLICT, peer, "its stream key is already publishing");
            }
            Optional<SourceSink> sink;
            try {
                sink = handler.onPublish(streamId);
            } catch (RuntimeException | Error e) {
                liveKeys.remove(key.get(), sock);
                throw e;
            }
            if (sink.isEmpty()) {
                liveKeys.remove(key.get(), sock);
                return reject(sock, LibSrt.SRT_REJX_FORBIDDEN, peer, "not a stream key it may publish with");
            }
            pending.put(sock, new Pending(key.get(), sink.get(), peer, System.nanoTime()));
            if (!running) { // close() swept while the handler ran: this sink must not be left open
                sweepPending();
                return -1;
            }
            return 0;
        } catch (RuntimeException | Error e) {
            LOG.warnf("SRT handshake from %s: handler failed (%s)", peer, e);
            return reject(sock, LibSrt.SRT_REJX_FORBIDDEN, peer, "handler failed");
        }
    }

    private int reject(int sock, int reason, String peer, String why) {
        refused.incrementAndGet();
        LibSrt.srt_setrejectreason(sock, reason);
        LOG.infof("SRT caller %s on port %d rejected (%d): %s", peer, port, reason, why);
        return -1;
    }

    private void acceptLoop() {
        int[] ready = new int[2]; // one SRT_EPOLL_EVENT {fd, events}
        while (running) {
            int n = LibSrt.srt_epoll_uwait(eid, ready, 1, POLL_MS);
            if (n < 0 && running) {
                LOG.warnf("SRT epoll on port %d: %s", port, LibSrt.lastError());
                sleep();
            }
            if (n > 0 && running) {
                acceptReady();
            }
            sweepPending();
        }
    }

    /** Accepts every queued connection (the listener does not block). */
    private void acceptReady() {
        while (true) {
            int sock = LibSrt.srt_accept(listenSock, null, null);
            if (sock == LibSrt.INVALID_SOCK) {
                int code = LibSrt.lastErrorCode();
                if (code != LibSrt.SRT_EASYNCRCV) {
                    LOG.infof("SRT accept on port %d: %s", port, LibSrt.lastError());
                }
                return;
            }
            Pending p = pending.remove(sock);
            if (p == null) { // swept (accepted too late) or not through the hook: not a publisher
                LibSrt.srt_close(sock);
                continue;
            }
            if (!LibSrt.setInt(sock, LibSrt.SRTO_RCVSYN, 1) || !LibSrt.setInt(sock, LibSrt.SRTO_RCVTIMEO, READ_TIMEOUT_MS)) {
                LOG.infof("SRT publisher %s: socket options failed (%s)", p.peer(), LibSrt.lastError());
                LibSrt.srt_close(sock);
                liveKeys.remove(p.key(), sock);
                p.sink().end();
                continue;
            }
            accepted.incrementAndGet();
            Publisher pub = new Publisher(sock, new SrtSocketInputStream(sock));
            publishers.put(sock, pub);
            Thread.ofPlatform().daemon().name("srt-read-" + port + "-" + sock).start(() -> read(pub, p));
        }
    }

    /** Ends sinks whose sockets never reached accept (the handshake failed after the hook). */
    private void sweepPending() {
        long now = System.nanoTime();
        for (Map.Entry<Integer, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if ((!running || now - p.sinceNs() > PENDING_NS) && pending.remove(e.getKey(), p)) {
                liveKeys.remove(p.key(), e.getKey());
                p.sink().end();
            }
        }
    }

    /** One publisher, on its own thread: probe, packets until it ends, then end its sink and close it. */
    private void read(Publisher pub, Pending p) {
        SourceSink sink = p.sink();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(pub.in(), 0); // 0: no seeking, nothing kept for it
        g.setFormat("mpegts");
        g.setOption("analyzeduration", "1000000");
        g.setOption("probesize", "500000");
        String why = null;
        try {
            g.startUnsafe();
            if (!MpegTsPackets.hasH264(g)) {
                why = "no H.264 video";
            } else {
                LOG.infof("SRT publisher %s on port %d (socket %d) live", p.peer(), port, pub.sock());
                long dropped = MpegTsPackets.pump(g, sink, () -> running);
                if (dropped > 0) {
                    LOG.infof("SRT publisher %s: %d malformed packets dropped", p.peer(), dropped);
                }
            }
        } catch (Exception e) {
            why = e.getMessage();
        } finally {
            try {
                sink.end();
            } finally {
                LibSrt.srt_close(pub.sock());
                liveKeys.remove(p.key(), pub.sock());
                publishers.remove(pub.sock());
                try {
                    g.releaseUnsafe();
                } catch (Exception e) {
                    LOG.debugf("SRT grabber release: %s", e.getMessage());
                }
            }
        }
        String ended = pub.in().ended();
        LOG.infof("SRT publisher %s on port %d ended after %d octets: %s", p.peer(), port, pub.in().octets(),
                ended != null ? ended : why != null ? why : running ? "end of stream" : "listener closed");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops accepting (within {@link #POLL_MS}), closes every publisher's socket (their readers end
     * their sinks) and the listener, and lets go of libsrt.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            acceptor.join(POLL_MS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LibSrt.srt_close(listenSock);
        LibSrt.srt_epoll_release(eid);
        for (Publisher pub : publishers.values()) {
            pub.in().close();
            LibSrt.srt_close(pub.sock());
        }
        sweepPending();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!publishers.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LibSrt.release();
    }
}
