// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;

/**
 * One destination of a stream: where to send, whether it takes RTX, and one {@link OutputTrack}
 * per stream track (same index). RTCP from the destination address keeps it alive.
 */
final class Subscriber {
    final long id;
    final InetSocketAddress destination;
    final boolean rtx;
    /** RTX payload type per track index, or -1 where that track gets plain retransmissions. */
    final int[] rtxPayloadTypes;
    final OutputTrack[] outputs;
    /** The secured peer behind {@link #destination}, or null for plain RTP. */
    final MediaLink link;
    long lastRtcpMs;
    long created;
    /** Latest fraction lost the subscriber reported (RR), per mille. */
    int reportedLossPerMille;
    /**
     * Simulcast, per group leader index: the layer track forwarded now (-1: none yet) and the
     * one to switch to at its next keyframe. For a track that is not layered both are its index.
     */
    final int[] current;
    final int[] target;
    /**
     * Per track: the index of the output (and of the {@link #current}/{@link #target} entry)
     * that carries it. For most subscribers the stream's group; for a relay subscriber ({@link
     * #allLayers}) every track is its own, so every layer passes unchanged.
     */
    final int[] groupOf;
    /**
     * A subscriber that takes every layer of every group on its own output: the next tier, which
     * chooses a layer per viewer of its own ({@code RelayNode#subscribeAllLayers}). No layer is
     * chosen for it.
     */
    final boolean allLayers;
    final DownlinkEstimate estimate = new DownlinkEstimate();
    /** Whether the last layer choice held it below the top active layer of some group. */
    boolean belowTop;
    /** The shard's state for {@link #destination}, shared with other subscribers there; set on subscribe. */
    Downlink downlink;

    Subscriber(long id, InetSocketAddress destination, int[] rtxPayloadTypes, OutputTrack[] outputs, long nowMs, MediaLink link,
               int[] groupOf, boolean allLayers) {
        this.id = id;
        this.destination = destination;
        this.rtxPayloadTypes = rtxPayloadTypes;
        boolean any = false;
        for (int pt : rtxPayloadTypes) {
            any |= pt >= 0;
        }
        this.rtx = any;
        this.outputs = outputs;
        this.link = link;
        this.lastRtcpMs = nowMs;
        this.created = nowMs;
        this.groupOf = groupOf;
        this.allLayers = allLayers;
        this.current = new int[outputs.length];
        this.target = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            current[i] = i;
            target[i] = i;
        }
    }

    /**
     * Starts following layer track {@code track} of {@code group}: its output rebases
     * (OutputTrack), the sequence always, the timestamp only when the layers do not share a clock.
     */
    void switchLayer(int group, int track, boolean sharedClock) {
        if (current[group] >= 0) {
            outputs[group].sourceChanged(!sharedClock);
        }
        current[group] = track;
    }

    /** The output track with this SSRC (media or RTX), or null. */
    OutputTrack outputBySsrc(int ssrc) {
        for (OutputTrack o : outputs) {
            if (o.ssrc == ssrc || (rtx && o.rtxSsrc == ssrc && o.rtxSsrc != 0)) {
                return o;
            }
        }
        return null;
    }

    /** The track an output carries now: for a layered output, the layer it follows. */
    int trackIndexOf(OutputTrack o) {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == o) {
                return current[i] >= 0 ? current[i] : i;
            }
        }
        return -1;
    }
}
