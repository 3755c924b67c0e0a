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

    RelayStream(StreamName name, int relaySsrc, InetSocketAddress source, StreamTrack[] tracks) {
        this.name = name;
        this.relaySsrc = relaySsrc;
        this.source = source;
        this.tracks = tracks;
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
