// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.List;
import java.util.Optional;

/**
 * The configuration both parties of a call use: the minimum of their capabilities in every
 * dimension. Bitrate: the lower; codecs: those both have, in the caller's order; resolution: the
 * smaller, and no larger than the bitrate carries (the ladder below, so that a bandwidth drop
 * also scales the picture down instead of starving it); network: the worse.
 */
public record CallConfig(int maxBitrateKbps, List<String> codecs, Resolution maxResolution, NetworkType network) {
    /** Below these bitrates a picture above the given size looks worse than a smaller sharp one. */
    private static final int[] LADDER_KBPS = {2_500, 1_200, 500, 0};
    private static final Resolution[] LADDER = {new Resolution(1920, 1080), Resolution.P720,
        new Resolution(640, 360), new Resolution(320, 180)};

    public CallConfig {
        codecs = List.copyOf(codecs);
    }

    /** Empty when the parties share no codec. */
    public static Optional<CallConfig> agree(Capabilities caller, Capabilities callee) {
        List<String> common = caller.codecs().stream().filter(callee.codecs()::contains).toList();
        if (common.isEmpty()) {
            return Optional.empty();
        }
        int kbps = Math.min(caller.maxBitrateKbps(), callee.maxBitrateKbps());
        Resolution res = Resolution.smaller(caller.maxResolution(), callee.maxResolution());
        for (int i = 0; i < LADDER.length; i++) {
            if (kbps >= LADDER_KBPS[i]) {
                res = Resolution.smaller(res, LADDER[i]);
                break;
            }
        }
        return Optional.of(new CallConfig(kbps, common, res, NetworkType.worse(caller.network(), callee.network())));
    }
}
