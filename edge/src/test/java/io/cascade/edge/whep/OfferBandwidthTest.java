// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 8866 §5.8 {@code b=AS} (kbit/s) and RFC 3890 {@code b=TIAS} (bit/s) in a viewer's offer. */
class OfferBandwidthTest {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void anOfferWithoutBandwidthLinesStatesNone() {
        assertThat(OfferBandwidth.of(HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n")).isEmpty();
        assertThat(OfferBandwidth.of(null)).isEmpty();
    }

    @Test
    void sessionLevelAsIsKilobitsAndWins() {
        String sdp = "v=0\r\nb=AS:1500\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nb=AS:300\r\n";
        assertThat(OfferBandwidth.of(sdp)).isEqualTo(OptionalLong.of(1_500_000));
    }

    @Test
    void mediaLevelValuesAddUpAndTiasIsPreferredToAs() {
        String sdp = HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nb=AS:64\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nb=AS:5000\r\nb=TIAS:2000000\r\n";
        assertThat(OfferBandwidth.of(sdp)).isEqualTo(OptionalLong.of(64_000 + 2_000_000));
    }

    @Test
    void malformedOrAbsurdValuesAreIgnored() {
        assertThat(OfferBandwidth.of(HEAD + "b=AS:lots\r\nb=TIAS:-5\r\n")).isEmpty();
        assertThat(OfferBandwidth.of(HEAD + "b=AS:9999999999999999\r\n")).isEmpty();
        assertThat(OfferBandwidth.of(HEAD + "b=AS:0\r\n")).isEmpty();
    }
}
