// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counters behind {@link UdpStats}. One writer, the socket's event-loop thread, so an
 * increment is a plain read plus an opaque write (a plain store on x86, no fence or CAS); any
 * thread may read a recent value through {@link #snapshot()}.
 */
final class SocketCounters {
    static final int RECEIVED = 0;
    static final int SENT = 1;
    static final int SEND_DROPPED = 2;
    static final int BATCHES = 3;
    static final int HANDLER_ERRORS = 4;
    static final int IO_ERRORS = 5;
    static final int SEGMENTED_SENDS = 6;
    static final int SEGMENTS = 7;
    private static final int COUNT = 8;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[COUNT];

    /** Adds {@code n} to one counter; event-loop thread only. Returns the new value. */
    long add(int counter, long n) {
        long next = values[counter] + n;
        SLOT.setOpaque(values, counter, next);
        return next;
    }

    long get(int counter) {
        return (long) SLOT.getOpaque(values, counter);
    }

    UdpStats snapshot() {
        return new UdpStats(get(RECEIVED), get(SENT), get(SEND_DROPPED), get(BATCHES), get(HANDLER_ERRORS),
                get(IO_ERRORS), get(SEGMENTED_SENDS), get(SEGMENTS));
    }
}
