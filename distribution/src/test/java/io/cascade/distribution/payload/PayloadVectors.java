// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.RtpPacket;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The golden vectors under {@code src/test/resources/payload/} (see the README there), and the
 * payloads the hand-built packet vectors carry.
 */
final class PayloadVectors {
    /** The SPS vectors, each named after its encoder settings. */
    static final List<String> SPS = List.of("sps-x264-high-1280x720", "sps-x264-baseline-640x360",
            "sps-x264-main-640x360", "sps-x264-high-1920x1080", "sps-x264-high-interlaced-1920x1080",
            "sps-x264-high10-320x180", "sps-x264-high422-352x288", "sps-x264-high444-320x240");
    static final List<String> AVCC = List.of("avcc-ffmpeg-high-with-trailer", "avcc-ffmpeg-baseline",
            "avcc-high-without-trailer");
    /** The five packets of {@link #H264_ACCESS_UNITS}, in sending order. */
    static final List<String> H264_PACKETS = List.of("rtp-h264-stap-a-sps-pps", "rtp-h264-fu-a-start",
            "rtp-h264-fu-a-middle", "rtp-h264-fu-a-end", "rtp-h264-single-nal");
    static final List<String> AAC_PACKETS = List.of("rtp-aac-hbr-two-aus", "rtp-aac-hbr-fragment-first",
            "rtp-aac-hbr-fragment-last");
    /** Real x264 output: 24 frames of 640x360 High, two slices each, IDR every 12 frames. */
    static final String X264_STREAM = "payload/x264-high-640x360-24frames.h264";
    /** Real FFmpeg AAC-LC output, 44.1 kHz stereo, 1 s, ADTS framed. */
    static final String AAC_STREAM = "payload/aac-lc-44100-stereo-1s.adts";

    static final byte[] SPS_640X360 = hex("6764001eacd940a02ff970110000030001000003003c0f162d96");
    static final byte[] PPS_640X360 = hex("68ef8fcb");
    /** The 120-octet filler IDR slice of the FU-A vectors: 65, then (37 i + 96) mod 256 (85 first: MB 0). */
    static final byte[] IDR_120 = filler(0x65, 120, 37, 96);
    /** The 20-octet filler non-IDR slice of the single NAL unit vector: 41, then (53 i + 7) mod 256. */
    static final byte[] SLICE_20 = filler(0x41, 20, 53, 7);
    /** The access units the H.264 packet vectors carry. */
    static final List<H264AccessUnit> H264_ACCESS_UNITS = List.of(
            H264AccessUnit.of(90000, List.of(SPS_640X360, PPS_640X360, IDR_120)),
            H264AccessUnit.of(93000, List.of(SLICE_20)));

    private PayloadVectors() {
    }

    /** The octets of {@code payload/<name>.hex}. */
    static byte[] load(String name) {
        return HexVector.load("payload/" + name + ".hex");
    }

    /** A binary test resource. */
    static byte[] resource(String path) {
        try (InputStream in = PayloadVectors.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A view of a packet held in an array (heap buffer, nothing to release). */
    static RtpPacket view(byte[] packet) {
        return RtpPacket.decode(Unpooled.wrappedBuffer(packet));
    }

    /** The RTP payload of a packet without CSRCs, extension or padding. */
    static byte[] payload(byte[] packet) {
        return Arrays.copyOfRange(packet, 12, packet.length);
    }

    private static byte[] filler(int header, int length, int factor, int offset) {
        byte[] nal = new byte[length];
        nal[0] = (byte) header;
        for (int i = 1; i < length; i++) {
            nal[i] = (byte) (i * factor + offset);
        }
        return nal;
    }
}
