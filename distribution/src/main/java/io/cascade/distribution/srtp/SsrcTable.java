// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * Per-SSRC state by SSRC without boxing: open addressing with linear probing and backward-shift
 * deletion, at most half full. Allocates only when it grows, that is when a new SSRC arrives.
 */
final class SsrcTable {
    private static final int INITIAL = 16;
    private StreamState[] slots = new StreamState[INITIAL];
    private int size;

    int size() {
        return size;
    }

    StreamState get(int ssrc) {
        int mask = slots.length - 1;
        for (int i = home(ssrc, mask); ; i = (i + 1) & mask) {
            StreamState state = slots[i];
            if (state == null || state.ssrc == ssrc) {
                return state;
            }
        }
    }

    /** Adds {@code state}, whose SSRC is not in the table. */
    void add(StreamState state) {
        if ((size + 1) * 2 > slots.length) {
            StreamState[] old = slots;
            slots = new StreamState[old.length * 2];
            for (StreamState s : old) {
                if (s != null) {
                    insert(s);
                }
            }
        }
        insert(state);
        size++;
    }

    private void insert(StreamState state) {
        int mask = slots.length - 1;
        int i = home(state.ssrc, mask);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = state;
    }

    /** Removes the state of {@code ssrc}; whether there was one. */
    boolean remove(int ssrc) {
        int mask = slots.length - 1;
        int i = home(ssrc, mask);
        while (slots[i] != null && slots[i].ssrc != ssrc) {
            i = (i + 1) & mask;
        }
        if (slots[i] == null) {
            return false;
        }
        slots[i] = null;
        size--;
        // Pull later members of the probe run back over the hole, unless their home lies
        // cyclically after the hole (they are then already reachable).
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = home(slots[j].ssrc, mask);
            boolean reachable = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!reachable) {
                slots[i] = slots[j];
                slots[j] = null;
                i = j;
            }
        }
        return true;
    }

    /** Fibonacci hashing: SSRCs should be random, but nothing makes a peer pick them so. */
    private static int home(int ssrc, int mask) {
        int h = ssrc * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }
}
