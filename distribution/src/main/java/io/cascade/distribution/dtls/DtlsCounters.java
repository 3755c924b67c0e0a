// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the DTLS sessions of a node did, shared by all of them (LongAdder: many writers, a rare
 * reader). A metrics binder reads these; this package does not depend on one.
 */
public final class DtlsCounters {
    private final LongAdder started = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final Map<DtlsFailure, LongAdder> failed = new EnumMap<>(DtlsFailure.class);
    private final LongAdder datagramsReceived = new LongAdder();
    private final LongAdder datagramsDropped = new LongAdder();
    private final LongAdder datagramsSent = new LongAdder();
    private final LongAdder applicationDataDropped = new LongAdder();

    public DtlsCounters() {
        for (DtlsFailure f : DtlsFailure.values()) {
            failed.put(f, new LongAdder());
        }
    }

    void handshakeStarted() {
        started.increment();
    }

    void handshakeEnded(DtlsHandshakeResult result) {
        switch (result) {
            case DtlsHandshakeResult.Established e -> succeeded.increment();
            case DtlsHandshakeResult.Failed f -> failed.get(f.reason()).increment();
        }
    }

    void datagramReceived() {
        datagramsReceived.increment();
    }

    void datagramDropped() {
        datagramsDropped.increment();
    }

    void datagramSent() {
        datagramsSent.increment();
    }

    void applicationDatagramDropped() {
        applicationDataDropped.increment();
    }

    public long handshakesStarted() {
        return started.sum();
    }

    public long handshakesSucceeded() {
        return succeeded.sum();
    }

    public long handshakesFailed(DtlsFailure reason) {
        return failed.get(reason).sum();
    }

    /** @return datagrams accepted into a session's queue */
    public long datagramsReceived() {
        return datagramsReceived.sum();
    }

    /** @return datagrams not queued: queue full, empty, oversized, or session closed */
    public long datagramsDropped() {
        return datagramsDropped.sum();
    }

    /** @return datagrams handed to a {@link DatagramSink}, retransmissions included */
    public long datagramsSent() {
        return datagramsSent.sum();
    }

    /** @return DTLS application data received after the handshake (no SCTP consumer yet) */
    public long applicationDataDropped() {
        return applicationDataDropped.sum();
    }
}
