// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the WebRTC side of a relay saw, for metrics. Written from any shard thread. */
public final class WebRtcCounters {
    final LongAdder sessionsOpened = new LongAdder();
    final LongAdder sessionsSecured = new LongAdder();
    final LongAdder sessionsClosed = new LongAdder();
    final LongAdder dtlsFailed = new LongAdder();
    final LongAdder dtlsUnbound = new LongAdder();
    final LongAdder offersRefused = new LongAdder();
    final LongAdder feedbackSent = new LongAdder();
    private final Map<IceLite.Outcome, LongAdder> stun = new EnumMap<>(IceLite.Outcome.class);

    WebRtcCounters() {
        for (IceLite.Outcome o : IceLite.Outcome.values()) {
            stun.put(o, new LongAdder());
        }
    }

    void stun(IceLite.Outcome outcome) {
        stun.get(outcome).increment();
    }

    public long sessionsOpened() {
        return sessionsOpened.sum();
    }

    public long sessionsSecured() {
        return sessionsSecured.sum();
    }

    public long sessionsClosed() {
        return sessionsClosed.sum();
    }

    /** Handshakes that failed: timeout, bad fingerprint, alert. */
    public long dtlsFailed() {
        return dtlsFailed.sum();
    }

    /** DTLS records from an address no valid ICE check bound: dropped. */
    public long dtlsUnbound() {
        return dtlsUnbound.sum();
    }

    /** Offers refused with a 4xx. */
    public long offersRefused() {
        return offersRefused.sum();
    }

    /** Transport-wide CC feedback packets sent to publishers. */
    public long feedbackSent() {
        return feedbackSent.sum();
    }

    /** STUN datagrams by what IceLite made of them. */
    public long stunCount(IceLite.Outcome outcome) {
        return stun.get(outcome).sum();
    }
}
