// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The broadcasts this edge packages, by id. Open one, add renditions, push samples; serve them with
 * {@link HlsHttp}. Removing a broadcast makes its URLs 404; callers remove it once the last playlist
 * has been available for its own duration after ending (RFC 8216bis §6.2.1). A broadcast reopened
 * under the same id continues after the sequence numbers its previous run used, so no URI ever
 * names two different parts (they are cached as immutable). {@link #close} removes them all and
 * deletes the spool directory where their bytes were kept.
 */
public final class HlsBroadcasts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HlsBroadcasts.class);

    private final HlsSettings settings;
    private final InstantSource clock;
    private final Spool spool;
    /** Broadcasts ids retired recently, with the sequence numbers they reached (bounded, oldest out). */
    private static final int RETIRED_IDS = 10_000;

    private volatile boolean closed;
    private final ConcurrentHashMap<String, HlsBroadcast> broadcasts = new ConcurrentHashMap<>();
    private final Map<String, long[]> retired = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > RETIRED_IDS;
        }
    };

    /**
     * Creates the spool directory under {@link HlsSettings#spoolRoot()}; if that fails (the log
     * says why) parts are held in memory, which serves the same bytes at a higher CPU cost.
     *
     * @param clock the source of program dates, sequence number bases and blocking deadlines
     */
    public HlsBroadcasts(HlsSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.spool = openSpool(settings.spoolRoot());
    }

    private static Spool openSpool(Path root) {
        if (root == null) {
            return null;
        }
        try {
            return Spool.open(root);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("HLS: no spool under %s (%s); parts are held in memory and sent without sendfile", root, e);
            return null;
        }
    }

    /**
     * Opens a broadcast.
     *
     * @throws IllegalArgumentException for an invalid id or one already open
     */
    public HlsBroadcast open(String broadcastId) {
        Names.require("broadcastId", broadcastId);
        if (closed) {
            throw new IllegalStateException("closed");
        }
        long[] used;
        synchronized (retired) {
            used = retired.getOrDefault(broadcastId, new long[2]);
        }
        HlsBroadcast b = new HlsBroadcast(broadcastId, settings, new BroadcastTimebase(clock, used[0], used[1], settings), spool);
        if (broadcasts.putIfAbsent(broadcastId, b) != null) {
            throw new IllegalArgumentException("broadcastId: " + broadcastId + " is already open");
        }
        return b;
    }

    public Optional<HlsBroadcast> get(String broadcastId) {
        return Optional.ofNullable(broadcasts.get(broadcastId));
    }

    /** Ends and removes a broadcast; requests held on it end. @return whether it existed */
    public boolean remove(String broadcastId) {
        HlsBroadcast b = broadcasts.remove(broadcastId);
        if (b == null) {
            return false;
        }
        b.close();
        b.release();
        synchronized (retired) {
            retired.put(broadcastId, b.nextUnusedSequences());
        }
        return true;
    }

    public HlsSettings settings() {
        return settings;
    }

    InstantSource clock() {
        return clock;
    }

    /** The spool directory of this instance, or empty when parts are held in memory. */
    public Optional<Path> spoolDirectory() {
        return spool == null ? Optional.empty() : Optional.of(spool.directory());
    }

    /** Removes every broadcast (held requests end) and deletes the spool directory with all its files. */
    @Override
    public void close() {
        closed = true;
        broadcasts.keySet().forEach(this::remove);
        if (spool != null) {
            spool.close();
        }
    }

    /** Times out held requests whose deadline passed (the HTTP layer calls this periodically). */
    public void expireWaiters() {
        broadcasts.values().forEach(HlsBroadcast::expireWaiters);
    }
}
