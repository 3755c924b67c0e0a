// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.List;

/**
 * What a synthetic participant's camera sends: three simulcast layers (q, h, f, lowest first) at
 * {@code fps}, each at its bitrate (payload octets; RTP, extension and SRTP overhead come on top),
 * in {@code codec} (H264 or VP8); a keyframe {@code keyframeScale} times a delta frame's size on
 * the first frame and after each PLI; and 50 pps of 160-octet Opus (64 kbps).
 *
 * @param codec         {@code H264} or {@code VP8}
 * @param fps           frames per second of every layer, 5..60
 * @param layerKbps     q, h, f bitrates in kbps, increasing, 30..8000
 * @param keyframeScale a keyframe's size over a delta frame's, 1..20
 */
record CameraProfile(String codec, int fps, List<Integer> layerKbps, int keyframeScale) {
    CameraProfile {
        layerKbps = List.copyOf(layerKbps);
        if (!codec.equals("H264") && !codec.equals("VP8")) {
            throw new IllegalArgumentException("codec H264 or VP8, got " + codec);
        }
        if (fps < 5 || fps > 60) {
            throw new IllegalArgumentException("fps 5..60");
        }
        if (layerKbps.size() != SimulcastPublisher.LAYERS) {
            throw new IllegalArgumentException("three layer bitrates (q,h,f), got " + layerKbps);
        }
        for (int i = 0; i < layerKbps.size(); i++) {
            int k = layerKbps.get(i);
            if (k < 30 || k > 8000 || (i > 0 && k <= layerKbps.get(i - 1))) {
                throw new IllegalArgumentException("layer kbps 30..8000, increasing: " + layerKbps);
            }
        }
        if (keyframeScale < 1 || keyframeScale > 20) {
            throw new IllegalArgumentException("keyframe scale 1..20");
        }
    }

    /** A 720p camera as browsers simulcast it: f 1.7 Mbps, h 500 kbps, q 150 kbps, 30 fps, H.264. */
    static CameraProfile hd720() {
        return new CameraProfile("H264", 30, List.of(150, 500, 1700), 4);
    }

    /** Octets of a delta frame of layer {@code layer}. */
    int frameOctets(int layer) {
        return Math.max(64, layerKbps.get(layer) * 1000 / 8 / fps);
    }
}
