// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * Counters of an {@link RtpDepacketizer}, as a snapshot. Every packet taken is counted once in
 * {@code packets} or {@code packetsStale}; a frame that ends is counted in {@code frames} or in one
 * of the {@code frames...} drop counters, at most once (a frame of which nothing arrived, or
 * nothing but ignored packets, is in none).
 *
 * @param packets                       packets taken in (not stale)
 * @param packetsLost                   sequence numbers skipped (a far jump counts as one)
 * @param packetsStale                  duplicates and late packets, ignored
 * @param packetsMalformed              payloads that break their format (lengths that overrun,
 *                                      headers cut short); their frame is dropped
 * @param packetsUnsupported            payload structures this side does not implement (H.264
 *                                      STAP-B, MTAP, FU-B; AAC interleaving); their frame is
 *                                      dropped, except for types that carry no media (ignored)
 * @param frames                        frames emitted to the sink
 * @param framesDamaged                 frames dropped because part of them was lost or malformed
 * @param framesDroppedAwaitingKeyframe intact frames dropped because an earlier frame was lost
 *                                      and no keyframe has come since (video only)
 * @param framesOversize                frames dropped for exceeding a size or count cap
 */
public record DepacketizerStats(long packets, long packetsLost, long packetsStale, long packetsMalformed,
        long packetsUnsupported, long frames, long framesDamaged, long framesDroppedAwaitingKeyframe,
        long framesOversize) {
}
