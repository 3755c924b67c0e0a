// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Opus packet (RFC 6716 §3) and its RTP timestamp, 48 kHz whatever the audio bandwidth
 * (RFC 7587 §4.1). The array is not copied; equality compares contents.
 *
 * @param rtpTimestamp 32 bits, unsigned in an int
 * @param data         the Opus packet: a TOC octet and the compressed frames, at least 1 octet
 */
public record OpusFrame(int rtpTimestamp, byte[] data) {
    /** RFC 6716 §3.2.5: no packet lasts longer than 120 ms, 5760 samples at 48 kHz. */
    public static final int MAX_DURATION = 5760;

    /** Frame sizes at 48 kHz by TOC config number (RFC 6716 §3.1, Table 2). */
    private static final int[] FRAME_SAMPLES = {
        480, 960, 1920, 2880, // SILK-only NB: 10, 20, 40, 60 ms
        480, 960, 1920, 2880, // SILK-only MB
        480, 960, 1920, 2880, // SILK-only WB
        480, 960, // Hybrid SWB: 10, 20 ms
        480, 960, // Hybrid FB
        120, 240, 480, 960, // CELT-only NB: 2.5, 5, 10, 20 ms
        120, 240, 480, 960, // CELT-only WB
        120, 240, 480, 960, // CELT-only SWB
        120, 240, 480, 960, // CELT-only FB
    };

    public OpusFrame {
        Objects.requireNonNull(data, "data");
    }

    /**
     * Samples at 48 kHz the packet decodes to, from its TOC octet and frame count code (RFC 6716
     * §3.1, §3.2), or -1 when the packet is too short to tell or breaks the 120 ms limit.
     */
    public static int durationSamples(byte[] packet) {
        if (packet.length == 0) {
            return -1;
        }
        int toc = packet[0] & 0xFF;
        int frames = switch (toc & 0x03) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> packet.length < 2 ? 0 : packet[1] & 0x3F; // code 3: M in the frame count octet
        };
        int duration = frames * FRAME_SAMPLES[toc >>> 3];
        return frames == 0 || duration > MAX_DURATION ? -1 : duration;
    }

    /** {@link #durationSamples(byte[])} of this frame. */
    public int durationSamples() {
        return durationSamples(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpusFrame f && rtpTimestamp == f.rtpTimestamp && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * rtpTimestamp + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "OpusFrame[rtpTimestamp=" + Integer.toUnsignedString(rtpTimestamp) + ", " + data.length + " octets]";
    }
}
