// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.transcode.media.Bitrate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderConfigTest {

    @Test
    void theDefaultsAreTheDocumentedLadder() {
        LadderConfig c = LadderConfig.defaults();
        assertThat(c.renditions()).extracting(r -> r.name() + " " + r.bitrate() + " " + r.profile())
                .containsExactly("1080p 5000 kbps HIGH", "720p 2500 kbps HIGH", "480p 1000 kbps MAIN",
                        "360p 600 kbps MAIN");
        assertThat(c.renditions()).allSatisfy(r -> {
            assertThat(r.maxrate()).isEqualTo(r.bitrate());
            assertThat(r.bufsize()).isEqualTo(r.bitrate().times(2));
        });
        assertThat(c.keyframeInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.overflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(c.preset()).isEqualTo("veryfast");
        assertThat(c.tune()).isEqualTo("zerolatency");
    }

    @Test
    void invalidSettingsFailLoudlyNamingWhatIsWrong() {
        LadderConfig d = LadderConfig.defaults();
        assertThatThrownBy(() -> d.withRenditions(List.of())).hasMessageContaining("no renditions");
        Rendition r = Rendition.of("720p", 720, Bitrate.kbps(2500), H264Profile.HIGH);
        assertThatThrownBy(() -> d.withRenditions(List.of(r, r))).hasMessageContaining("duplicate rendition name 720p");
        assertThatThrownBy(() -> d.withOverflow(OverflowPolicy.BLOCK, 0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> d.withKeyframeInterval(Duration.ofMillis(100))).hasMessageContaining("keyframeInterval");
        assertThatThrownBy(() -> new LadderConfig(d.renditions(), d.keyframeInterval(), 8, OverflowPolicy.BLOCK,
                "veryfastt", "zerolatency", 0, 1, Duration.ofSeconds(1))).hasMessageContaining("unknown x264 preset");
        assertThatThrownBy(() -> Rendition.of("odd", 719, Bitrate.kbps(1), H264Profile.MAIN))
                .hasMessageContaining("even");
        assertThatThrownBy(() -> new Rendition("x", 360, Bitrate.kbps(600), Bitrate.kbps(500), Bitrate.kbps(600),
                H264Profile.MAIN)).hasMessageContaining("maxrate");
        assertThatThrownBy(() -> Rendition.of("a/b", 360, Bitrate.kbps(1), H264Profile.MAIN))
                .hasMessageContaining("name");
    }

    @Test
    void bitRatesParseWithTheirUnits() {
        assertThat(Bitrate.parse("600k")).isEqualTo(Bitrate.kbps(600));
        assertThat(Bitrate.parse("2500 kbps")).isEqualTo(Bitrate.kbps(2500));
        assertThat(Bitrate.parse("5M")).isEqualTo(Bitrate.mbps(5));
        assertThat(Bitrate.parse("64000")).isEqualTo(Bitrate.kbps(64));
        assertThatThrownBy(() -> Bitrate.parse("fast")).hasMessageContaining("not a bit rate");
        assertThatThrownBy(() -> Bitrate.kbps(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
