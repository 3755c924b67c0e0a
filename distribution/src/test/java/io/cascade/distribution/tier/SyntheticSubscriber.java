// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A subscriber for fabric tests: receives RTP from a relay, records each packet's sequence
 * number (in the subscriber's own space), the publisher's sequence number carried in the payload,
 * and arrival time; reports no loss.
 */
final class SyntheticSubscriber extends PolledSubscriber<SyntheticSubscriber.Received> {
    record Received(int seq, int publisherSeq, long arrivalNanos, long latencyNanos) {}

    SyntheticSubscriber() throws IOException {
        super();
    }

    @Override
    Received parse(ByteBuffer in) {
        if (in.limit() < 12 + 12 || in.getInt(8) != ssrc) {
            return null;
        }
        long now = System.nanoTime();
        return new Received(in.getShort(2) & 0xFFFF, in.getInt(20), now, now - in.getLong(12));
    }

    int count() {
        synchronized (received) {
            return received.size();
        }
    }
}
