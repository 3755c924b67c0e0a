// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.Objects;

/**
 * One audio access unit: a raw AAC frame (no ADTS header) or one Opus packet.
 *
 * @param pts presentation timestamp in the audio timescale (the sampling rate for AAC, 48 kHz for
 *     Opus), sharing its origin (time zero) with the video's 90 kHz timestamps
 * @param data the coded frame
 */
public record AudioSample(long pts, byte[] data) {
    public AudioSample {
        Objects.requireNonNull(data, "data");
    }
}
