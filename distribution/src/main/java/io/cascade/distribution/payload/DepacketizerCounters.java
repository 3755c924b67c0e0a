// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/** The mutable counters behind {@link DepacketizerStats}; fields are named as there. */
final class DepacketizerCounters {
    long packets;
    long packetsLost;
    long packetsStale;
    long packetsMalformed;
    long packetsUnsupported;
    long frames;
    long framesDamaged;
    long framesDroppedAwaitingKeyframe;
    long framesOversize;

    DepacketizerStats snapshot() {
        return new DepacketizerStats(packets, packetsLost, packetsStale, packetsMalformed, packetsUnsupported, frames,
                framesDamaged, framesDroppedAwaitingKeyframe, framesOversize);
    }
}
