// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.directory.ViewerCounts;
import io.cascade.platform.directory.ViewerSessions;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A broadcast's viewers across the cluster. On this node a viewer is a secured WHEP session or a
 * distinct HLS client that fetched one of the broadcast's playlists within
 * {@code cascade.playback.viewer-window} (one who switched from one to the other within the window
 * counts in both; clients behind one NAT with the same browser count once). Every node writes its
 * counts to the directory's {@link ViewerCounts} each heartbeat; totals sum the live reports by
 * edge and region, with this node's own counts taken live.
 */
@ApplicationScoped
public class BroadcastViewers {
    private static final Logger LOG = Logger.getLogger(BroadcastViewers.class);

    @Inject
    CascadeConfig config;

    @Inject
    PlatformServices platform;

    @Inject
    WebRtcService webRtc;

    @Inject
    PlaybackAccess playback;

    private ScheduledExecutorService timer;

    void start(@Observes @Priority(3300) StartupEvent ev) {
        long every = config.directory().heartbeat().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("viewer-report").factory());
        timer.scheduleAtFixedRate(this::report, every, every, TimeUnit.MILLISECONDS);
    }

    /** This node's viewers per broadcast that has any. */
    public Map<String, Long> local() {
        Map<String, Long> out = new HashMap<>(playback.hlsViewers());
        webRtc.whepViewers().forEach((b, n) -> out.merge(b, n, Long::sum));
        return out;
    }

    /** {@code broadcastId}'s viewers on every live node, by edge and region. */
    public ViewerCounts.Totals totals(String broadcastId) {
        return platform.viewerCounts().of(broadcastId, config.node().id(), config.node().region(), local());
    }

    public long viewers(String broadcastId) {
        return totals(broadcastId).total();
    }

    /** Sessions this node serves, as written to the directory at its next report. */
    public List<ViewerSessions.Live> localSessions() {
        List<ViewerSessions.Live> out = new ArrayList<>(playback.hlsSessions(config.node().id()));
        out.addAll(webRtc.whepSessions());
        return out;
    }

    private void report() {
        try {
            platform.viewerCounts().report(config.node().id(), config.node().region(), local());
            ViewerSessions.Sync s = platform.viewerSessions().sync(config.node().id(), config.node().region(), localSessions());
            if (s.unlisted() > 0) {
                LOG.debugf("%d viewer sessions not listed in the directory (cascade.playback.listed-sessions)", s.unlisted());
            }
        } catch (RuntimeException e) {
            LOG.warnf("viewer report not written: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            platform.viewerCounts().withdraw(config.node().id());
            platform.viewerSessions().withdraw();
        } catch (RuntimeException e) {
            LOG.debugf("viewer report not withdrawn: %s", e.getMessage());
        }
    }
}
