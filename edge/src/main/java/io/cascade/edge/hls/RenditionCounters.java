// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * What a rendition's packager dropped instead of throwing (the push path never throws for bad
 * timing): samples before the first keyframe or the broadcast origin, samples whose timestamps do
 * not increase, and audio that waited too long for video.
 */
public record RenditionCounters(long videoSamples, long audioSamples, long droppedBeforeStart,
        long droppedNonMonotonic, long droppedAudioOverflow, long parts, long segments) {
}
