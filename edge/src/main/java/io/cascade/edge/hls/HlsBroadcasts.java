// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broadcasts this edge packages, by id. Open one, add renditions, push samples; serve them with
 * {@link HlsHttp}. Removing a broadcast makes its URLs 404; callers remove it once the last playlist
 * has been available for its own duration after ending (RFC 8216bis §6.2.1). A broadcast reopened
 * under the same id continues after the sequence numbers its previous run used, so no URI ever
 * names two different parts (they are cached as immutable).
 */
public final class HlsBroadcasts {
    private final HlsSettings settings;
    private final InstantSource clock;
    /** Broadcasts ids retired recently, with the sequence numbers they reached (bounded, oldest out). */
    private static final int RETIRED_IDS = 10_000;

    private final ConcurrentHashMap<String, HlsBroadcast> broadcasts = new ConcurrentHashMap<>();
    private final Map<String, long[]> retired = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > RETIRED_IDS;
        }
    };

    /** @param clock the source of program dates, sequence number bases and blocking deadlines */
    public HlsBroadcasts(HlsSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens a broadcast.
     *
     * @throws IllegalArgumentException for an invalid id or one already open
     */
    public HlsBroadcast open(String broadcastId) {
        Names.require("broadcastId", broadcastId);
        long[] used;
        synchronized (retired) {
            used = retired.getOrDefault(broadcastId, new long[2]);
        }
        HlsBroadcast b = new HlsBroadcast(broadcastId, settings, new BroadcastTimebase(clock, used[0], used[1]));
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

    /** Times out held requests whose deadline passed (the HTTP layer calls this periodically). */
    public void expireWaiters() {
        broadcasts.values().forEach(HlsBroadcast::expireWaiters);
    }
}
