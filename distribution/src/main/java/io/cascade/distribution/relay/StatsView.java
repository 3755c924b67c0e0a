// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link StreamStats} snapshots from shard state (on the shard thread). */
final class StatsView {
    private StatsView() {}

    static StreamStats of(RelayStream s) {
        List<StreamStats.Track> tracks = new ArrayList<>();
        for (StreamTrack t : s.tracks) {
            long lost = t.tracker == null ? 0 : t.tracker.cumulativeLost();
            tracks.add(new StreamStats.Track(t.spec.kind().name().toLowerCase(), Integer.toUnsignedLong(t.spec.ssrc()),
                    t.packets, t.bytes, lost, t.nacks.requested(), t.nacks.recovered(), t.keyframes.suppressed()));
        }
        List<StreamStats.Sub> subs = new ArrayList<>();
        for (Subscriber sub : s.subscribers) {
            long packets = 0;
            long retransmitted = 0;
            long nacks = 0;
            long keyframes = 0;
            for (int i = 0; i < sub.outputs.length; i++) {
                if (sub.groupOf[i] != i) {
                    continue; // a layer on its group's output: counted there
                }
                OutputTrack o = sub.outputs[i];
                packets += o.packets;
                retransmitted += o.retransmitted;
                nacks += o.nacksReceived;
                keyframes += o.keyframeRequests;
            }
            subs.add(new StreamStats.Sub(sub.id, address(sub.destination), packets, retransmitted, nacks, keyframes,
                    sub.reportedLossPerMille));
        }
        return new StreamStats(s.name.value(), address(s.source), s.silent, tracks, subs);
    }

    static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
