// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.ingest.broadcast.BroadcastRegistry;
import io.cascade.ingest.broadcast.RtmpSources;
import io.cascade.ingest.broadcast.SourceFeed;
import io.cascade.ingest.program.InputManager;
import io.cascade.ingest.program.ProgramSink;
import io.cascade.ingest.program.Slate;
import io.cascade.ingest.program.SwitchReason;
import io.cascade.ingest.rtmp.RtmpServer;
import io.cascade.ingest.rtmp.RtmpServerConfig;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.id.Ids;
import io.cascade.transcode.media.SourceSink;
import io.cascade.transcode.srt.SrtListener;
import io.cascade.transcode.srt.SrtStreamId;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Broadcast ingest on this node: the broadcast registry behind {@code /api/v1/broadcasts}, the
 * RTMP and SRT listeners whose publishers become broadcast sources (SRT through the system libsrt,
 * or JavaCV's where there is none, {@code io.cascade.transcode.srt}, so that ingest itself stays free of native code), each broadcast's input manager (its
 * failover timer and slate clock tick every 100 ms; with nothing live the standard {@link Slate}
 * plays) and where its program goes ({@link #programSinks}).
 */
@ApplicationScoped
public class BroadcastService {
    private static final Logger LOG = Logger.getLogger(BroadcastService.class);

    @Inject
    CascadeConfig config;

    @Inject
    PlatformServices platform;

    private BroadcastRegistry registry;
    private RtmpServer rtmp;
    private InetSocketAddress rtmpAddress;
    private SrtListener srt;
    private ScheduledExecutorService ticker;
    /** Makes the program sink of a broadcast (the origin publisher once the relay is up). */
    private volatile Function<String, ProgramSink> programSinks = id -> BroadcastRegistry.nowhere();
    /** Told (broadcast, source) when a program starts waiting for that source's keyframe; must not block. */
    private volatile BiConsumer<String, String> keyframeRequests = (broadcast, source) -> { };

    void start(@Observes @Priority(3100) StartupEvent ev) {
        var ic = config.ingest();
        InstantSource clock = InstantSource.system();
        Slate slate = Slate.standard();
        registry = new BroadcastRegistry(clock, Ids::newId, id -> new InputManager(clock,
                new DeferredSink(() -> programSinks.apply(id)), new Events(id), ic.failoverAfter(), slate));
        if (!ic.enabled()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("inputs-tick").factory());
        ticker.scheduleAtFixedRate(() -> registry.all().forEach(b -> b.inputs().tick()), 100, 100, TimeUnit.MILLISECONDS);
        rtmp = new RtmpServer(RtmpServerConfig.defaults().toBuilder().host(config.node().advertisedHost())
                .port(ic.rtmpPort()).build(), new RtmpSources(registry));
        rtmpAddress = rtmp.start();
        LOG.infof("RTMP ingest on rtmp://%s:%d/live/{streamKey}", rtmpAddress.getHostString(), rtmpAddress.getPort());
        if (ic.srtPort() >= 0) {
            int port = ic.srtPort() == 0 ? freeUdpPort() : ic.srtPort();
            srt = SrtListener.start(config.node().advertisedHost(), port, this::srtPublisher);
            LOG.infof("SRT ingest on srt://%s:%d?streamid=publish:{streamKey}", config.node().advertisedHost(), port);
        }
    }

    /** An SRT caller's stream id to its source's feed; called in the caller's handshake, so quick. */
    private Optional<SourceSink> srtPublisher(String streamId) {
        return SrtStreamId.publishKey(streamId).flatMap(key -> SourceFeed.open(registry, key, "SRT"))
                .map(BroadcastService::sinkOf);
    }

    /** An SRT or WHIP publisher's media into its source's feed. */
    static SourceSink sinkOf(SourceFeed feed) {
        return new SourceSink() {
            @Override
            public void videoConfig(byte[] c) {
                feed.videoConfig(c);
            }

            @Override
            public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
                feed.video(dtsMs, cts, keyframe, avcc);
            }

            @Override
            public void audioConfig(byte[] c) {
                feed.audioConfig(c);
            }

            @Override
            public void audio(long dtsMs, byte[] aac) {
                feed.audio(dtsMs, aac);
            }

            @Override
            public void end() {
                feed.end();
            }
        };
    }

    private static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new IllegalStateException("no free UDP port for SRT ingest", e);
        }
    }

    public BroadcastRegistry registry() {
        return registry;
    }

    /** The RTMP listener's address, or null when ingest is off. */
    public InetSocketAddress rtmpAddress() {
        return rtmpAddress;
    }

    /** The SRT listener's UDP port, or -1 when SRT ingest is off. */
    public int srtPort() {
        return srt == null ? -1 : srt.port();
    }

    /** Where new broadcasts' programs go from now on (set by the service that owns the origin). */
    public void programSinks(Function<String, ProgramSink> sinks) {
        this.programSinks = sinks;
    }

    /**
     * Who hears that a broadcast's program waits for a source's keyframe (operator cut, failover,
     * start): WHIP sources ask their browser for an IDR. Called under the input manager's lock.
     */
    public void keyframeRequests(BiConsumer<String, String> requests) {
        this.keyframeRequests = requests;
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (rtmp != null) {
            rtmp.close();
        }
        if (srt != null) {
            srt.close();
        }
    }

    /** Creates the real sink at the first frame, so broadcasts made before the origin was up still publish. */
    private static final class DeferredSink implements ProgramSink {
        private final java.util.function.Supplier<ProgramSink> factory;
        private ProgramSink sink;

        DeferredSink(java.util.function.Supplier<ProgramSink> factory) {
            this.factory = factory;
        }

        private ProgramSink sink() {
            if (sink == null) {
                sink = factory.get();
            }
            return sink;
        }

        @Override
        public void videoConfig(byte[] c) {
            sink().videoConfig(c);
        }

        @Override
        public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
            sink().video(dtsMs, cts, keyframe, avcc);
        }

        @Override
        public void audioConfig(byte[] c) {
            sink().audioConfig(c);
        }

        @Override
        public void audio(long dtsMs, byte[] aac) {
            sink().audio(dtsMs, aac);
        }

        @Override
        public void programSwitch() {
            sink().programSwitch();
        }
    }

    /** program.switched and program.idle events. */
    private final class Events implements InputManager.Listener {
        private final String broadcast;

        Events(String broadcast) {
            this.broadcast = broadcast;
        }

        @Override
        public void switched(String from, String to, SwitchReason reason) {
            LOG.infof("broadcast %s: program %s -> %s (%s)", broadcast, from, to, reason);
            var body = EventCodec.json().createObjectNode().put("to", to).put("reason", reason.name().toLowerCase());
            if (from != null) {
                body.put("from", from);
            }
            platform.events().publish(Event.of("program.switched", config.node().id(), broadcast, body));
        }

        @Override
        public void awaitingKeyframe(String source) {
            keyframeRequests.accept(broadcast, source);
        }

        @Override
        public void idle(String last) {
            LOG.warnf("broadcast %s: no live source (last on air: %s)", broadcast, last);
            platform.events().publish(Event.of("program.idle", config.node().id(), broadcast,
                    EventCodec.json().createObjectNode().put("last", last)));
        }
    }
}
