// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.List;
import java.util.Locale;

/**
 * What one party can send and receive, stated in {@code call.invite} and {@code call.accept}.
 *
 * @param maxBitrateKbps video bitrate it can sustain, kilobits per second (50..50000)
 * @param codecs         video codec names in preference order (MIME subtype: VP8, VP9, H264, AV1),
 *                       compared case-insensitively and kept upper-case
 * @param maxResolution  largest video it wants to send or receive
 * @param network        the network it is on
 */
public record Capabilities(int maxBitrateKbps, List<String> codecs, Resolution maxResolution, NetworkType network) {
    public Capabilities {
        Wire.range(maxBitrateKbps, "maxBitrateKbps", 50, 50_000);
        Wire.required(codecs, "codecs");
        if (codecs.isEmpty() || codecs.size() > 16) {
            throw SignalingException.field("codecs", "1 to 16 codec names");
        }
        codecs = codecs.stream().map(c -> Wire.text(c, "codecs", 32).toUpperCase(Locale.ROOT)).distinct().toList();
        Wire.required(maxResolution, "maxResolution");
        network = network == null ? NetworkType.UNKNOWN : network;
    }

    /** The same party after it reported that its bandwidth dropped (or recovered) to {@code kbps}. */
    public Capabilities withBitrate(int kbps) {
        return new Capabilities(kbps, codecs, maxResolution, network);
    }
}
