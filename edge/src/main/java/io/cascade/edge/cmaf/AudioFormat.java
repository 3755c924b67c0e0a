// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/** The audio codec of a rendition: what the sample entry, the CODECS attribute and timing need. */
public sealed interface AudioFormat permits AacFormat, OpusFormat {

    /** Ticks per second of {@link AudioSample#pts()} and of the track's media timeline. */
    int timescale();

    int channels();

    /** RFC 6381 codec string for the multivariant playlist. */
    String codecs();

    /** Duration of one coded frame in {@link #timescale()} ticks, used for the last frame of a part. */
    int frameDuration(byte[] frame);
}
