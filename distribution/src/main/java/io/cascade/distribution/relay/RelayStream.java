// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * A named stream on one shard: its current source (address and tracks) and its subscribers.
 * The subscriber array is replaced, never mutated, so the fan-out loop reads a stable snapshot.
 */
final class RelayStream {
    final StreamName name;
    /** The relay's own SSRC toward the publisher, as sender of RR and feedback. */
    final int relaySsrc;
    InetSocketAddress source;
    /** The secured peer behind {@link #source}, or null for plain RTP. */
    MediaLink sourceLink;
    StreamTrack[] tracks;
    Subscriber[] subscribers = new Subscriber[0];
    boolean silent;
    /**
     * Simulcast (RFC 8853): per track its layer group (the index of the group's first track) and
     * layer; {@code layersOf[g]} lists group {@code g}'s tracks lowest first (null unless g leads
     * a group of several layers). Without simulcast every track is its own group.
     */
    int[] group;
    KeyframeFormat[] keyframes;
    /** Per track: whether its group's layers share one timestamp clock and base ({@link LayerSpec#sharedClock}). */
    boolean[] sharedClock;
    int[][] layersOf;
    boolean layered;
    /** The layout as published (null: no layers), what a relay subscriber's answer describes. */
    List<LayerSpec> layout;
    /** Measured bitrate per track, kbps, and the byte counts at the last measurement. */
    int[] kbps;
    private long[] bytesMark;
    private long measuredMs;
    long nextLayerChoiceMs;
    /** When this stream's RR and SRs are next due; 0 until the first tick places it (see RelayShard#tick). */
    long nextReportMs;
    /**
     * Some subscriber may lack the source's NTP mapping: an output just started or rebased, or a
     * source SR came. The next tick sends an SR to those outputs only, rather than leaving them a
     * whole report interval without one.
     */
    boolean mappingWanted;

    RelayStream(StreamName name, int relaySsrc, InetSocketAddress source, StreamTrack[] tracks) {
        this.name = name;
        this.relaySsrc = relaySsrc;
        this.source = source;
        this.tracks = tracks;
        layout(null);
    }

    /** Sets the tracks' simulcast layout; null: no layers. */
    void layout(java.util.List<LayerSpec> layers) {
        int n = tracks.length;
        if (layers != null && layers.size() != n) {
            throw new IllegalArgumentException("layers: one per track (" + n + "), got " + layers.size());
        }
        group = new int[n];
        keyframes = new KeyframeFormat[n];
        sharedClock = new boolean[n];
        layersOf = new int[n][];
        kbps = new int[n];
        bytesMark = new long[n];
        layered = false;
        java.util.Map<Integer, java.util.List<int[]>> members = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            LayerSpec l = layers == null ? LayerSpec.single(i) : layers.get(i);
            group[i] = l.group();
            keyframes[i] = l.keyframes();
            sharedClock[i] = l.sharedClock();
            members.computeIfAbsent(l.group(), g -> new java.util.ArrayList<>()).add(new int[] {l.layer(), i});
        }
        members.forEach((g, list) -> {
            if (list.size() > 1) {
                list.sort(java.util.Comparator.comparingInt(a -> a[0]));
                layersOf[g] = list.stream().mapToInt(a -> a[1]).toArray();
                layered = true;
            }
        });
        layout = layered ? List.copyOf(layers) : null;
    }

    /** Per-track bitrate over the time since the last call (timer path). */
    void measure(long nowMs) {
        long elapsed = nowMs - measuredMs;
        if (elapsed <= 0) {
            return;
        }
        for (StreamTrack t : tracks) {
            kbps[t.index] = (int) ((t.bytes - bytesMark[t.index]) * 8 / elapsed);
            bytesMark[t.index] = t.bytes;
        }
        measuredMs = nowMs;
    }

    /** Whether an RTP packet from {@code sender} may feed this stream (port 0 registered = any port). */
    boolean acceptsFrom(InetSocketAddress sender) {
        if (source.getPort() == 0) {
            return source.getAddress().equals(sender.getAddress());
        }
        return source.equals(sender);
    }

    StreamTrack trackBySsrc(int ssrc) {
        for (StreamTrack t : tracks) {
            if (t.spec.ssrc() == ssrc) {
                return t;
            }
        }
        return null;
    }

    StreamTrack trackByRtxSsrc(int ssrc) {
        for (StreamTrack t : tracks) {
            if (t.spec.hasRtx() && t.spec.rtxSsrc() == ssrc) {
                return t;
            }
        }
        return null;
    }

    void addSubscriber(Subscriber s) {
        Subscriber[] next = Arrays.copyOf(subscribers, subscribers.length + 1);
        next[next.length - 1] = s;
        subscribers = next;
    }

    Subscriber removeSubscriber(long id) {
        for (int i = 0; i < subscribers.length; i++) {
            if (subscribers[i].id == id) {
                Subscriber gone = subscribers[i];
                Subscriber[] next = new Subscriber[subscribers.length - 1];
                System.arraycopy(subscribers, 0, next, 0, i);
                System.arraycopy(subscribers, i + 1, next, i, subscribers.length - i - 1);
                subscribers = next;
                return gone;
            }
        }
        return null;
    }

    Subscriber subscriber(long id) {
        for (Subscriber s : subscribers) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }

    List<TrackSpec> specs() {
        return Arrays.stream(tracks).map(t -> t.spec).toList();
    }

    long lastPacketMs() {
        long last = 0;
        for (StreamTrack t : tracks) {
            last = Math.max(last, t.lastPacketMs);
        }
        return last;
    }
}
