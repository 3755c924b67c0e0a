// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The agreed configuration is the minimum of both parties in every dimension. */
class CallConfigTest {
    private static Capabilities caps(int kbps, List<String> codecs, int w, int h, NetworkType net) {
        return new Capabilities(kbps, codecs, new Resolution(w, h), net);
    }

    @Test
    void takesTheMinimumPerDimensionAndTheCallersCodecOrder() {
        var caller = caps(4000, List.of("vp9", "VP8", "H264"), 1920, 1080, NetworkType.ETHERNET);
        var callee = caps(3000, List.of("H264", "VP9"), 1280, 720, NetworkType.WIFI);
        assertThat(CallConfig.agree(caller, callee)).contains(
                new CallConfig(3000, List.of("VP9", "H264"), new Resolution(1280, 720), NetworkType.WIFI));
        assertThat(CallConfig.agree(callee, caller).orElseThrow().codecs()).containsExactly("H264", "VP9");
    }

    @Test
    void lowBitrateAlsoCapsTheResolution() {
        var big = caps(5000, List.of("VP8"), 1920, 1080, NetworkType.ETHERNET);
        assertThat(CallConfig.agree(big, big).orElseThrow().maxResolution()).isEqualTo(new Resolution(1920, 1080));
        assertThat(CallConfig.agree(big, big.withBitrate(1500)).orElseThrow().maxResolution()).isEqualTo(Resolution.P720);
        assertThat(CallConfig.agree(big, big.withBitrate(700)).orElseThrow().maxResolution()).isEqualTo(new Resolution(640, 360));
        assertThat(CallConfig.agree(big, big.withBitrate(200)).orElseThrow().maxResolution()).isEqualTo(new Resolution(320, 180));
    }

    @Test
    void unknownNetworkRanksBelowWifiAndAboveCellular() {
        assertThat(NetworkType.worse(NetworkType.WIFI, NetworkType.UNKNOWN)).isEqualTo(NetworkType.UNKNOWN);
        assertThat(NetworkType.worse(NetworkType.CELLULAR, NetworkType.UNKNOWN)).isEqualTo(NetworkType.CELLULAR);
        assertThat(caps(100, List.of("VP8"), 320, 180, null).network()).isEqualTo(NetworkType.UNKNOWN);
    }

    @Test
    void noSharedCodecMeansNoConfiguration() {
        assertThat(CallConfig.agree(caps(1000, List.of("VP8"), 640, 360, NetworkType.WIFI),
                caps(1000, List.of("AV1"), 640, 360, NetworkType.WIFI))).isEmpty();
    }

    @Test
    void capabilitiesOutOfRangeNameTheField() {
        assertThatThrownBy(() -> caps(10, List.of("VP8"), 640, 360, NetworkType.WIFI))
                .isInstanceOf(SignalingException.class).hasMessageStartingWith("maxBitrateKbps");
        assertThatThrownBy(() -> caps(1000, List.of(), 640, 360, NetworkType.WIFI)).hasMessageStartingWith("codecs");
        assertThatThrownBy(() -> caps(1000, List.of("VP8"), 640, 99_999, NetworkType.WIFI))
                .hasMessageStartingWith("maxResolution.height");
    }
}
