// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * An allocation's channel bindings (RFC 8656 §12), looked up both ways: by number for ChannelData
 * from the client, by peer address for datagrams from peers.
 *
 * <p>The by-number index is open addressing over a small int-keyed array, because that lookup
 * runs for every ChannelData message and boxing a channel number above 127 would allocate an
 * {@code Integer} each time. Removal uses backward shifting, so there are no tombstones. At most
 * {@value #MAX} bindings per allocation (508 beyond). Not thread-safe.
 */
final class Channels {
    static final int MAX = 256;
    private int[] numbers = new int[8];
    private ChannelBinding[] slots = new ChannelBinding[8];
    private int size;
    private final Map<InetSocketAddress, ChannelBinding> byPeer = new HashMap<>();

    /** The binding for this number, live or not, or null. */
    ChannelBinding byNumber(int number) {
        int mask = slots.length - 1;
        for (int i = hash(number) & mask;; i = (i + 1) & mask) {
            ChannelBinding binding = slots[i];
            if (binding == null) {
                return null;
            }
            if (numbers[i] == number) {
                return binding;
            }
        }
    }

    /** The binding for this peer transport address, live or not, or null. */
    ChannelBinding byPeer(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    int size() {
        return size;
    }

    /** Adds a binding whose number and peer are both unbound (the caller checked). */
    void add(ChannelBinding binding) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        insert(binding);
        byPeer.put(binding.peer, binding);
        size++;
    }

    /** Removes bindings expired at {@code nowMillis}. */
    void sweep(long nowMillis) {
        for (int i = 0; i < slots.length; i++) {
            ChannelBinding binding = slots[i];
            if (binding != null && !binding.liveAt(nowMillis)) {
                remove(binding);
                i--; // backward shift may have moved another entry into slot i
            }
        }
    }

    /** Removes a binding held by this table. */
    void remove(ChannelBinding binding) {
        byPeer.remove(binding.peer, binding);
        int mask = slots.length - 1;
        int i = hash(binding.number) & mask;
        while (slots[i] != binding) {
            i = (i + 1) & mask;
        }
        slots[i] = null;
        size--;
        // Shift later entries of the same probe run back into the gap.
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hash(numbers[j]) & mask;
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                slots[i] = slots[j];
                numbers[i] = numbers[j];
                slots[j] = null;
                i = j;
            }
        }
    }

    private void insert(ChannelBinding binding) {
        int mask = slots.length - 1;
        int i = hash(binding.number) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = binding;
        numbers[i] = binding.number;
    }

    private void grow() {
        ChannelBinding[] old = slots;
        slots = new ChannelBinding[old.length * 2];
        numbers = new int[old.length * 2];
        for (ChannelBinding binding : old) {
            if (binding != null) {
                insert(binding);
            }
        }
    }

    private static int hash(int number) {
        int h = number * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
