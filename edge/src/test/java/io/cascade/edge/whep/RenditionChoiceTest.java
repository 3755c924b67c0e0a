// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.sdp.H264ProfileLevelId.Profile;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default WHEP rendition: by declared bandwidth, else 720p, else the highest; decodable profiles first. */
class RenditionChoiceTest {
    private static final List<RenditionChoice.Rung> LADDER = List.of(
            new RenditionChoice.Rung("1080p", 5_000_000, Profile.HIGH),
            new RenditionChoice.Rung("720p", 2_500_000, Profile.HIGH),
            new RenditionChoice.Rung("480p", 1_000_000, Profile.MAIN),
            new RenditionChoice.Rung("360p", 600_000, Profile.MAIN));

    @Test
    void withoutABandwidthTheViewerGets720p() {
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.empty())).contains("720p");
    }

    @Test
    void withoutABandwidthOrA720pRungTheHighestThereIs() {
        assertThat(RenditionChoice.choose(LADDER.subList(2, 4), OptionalLong.empty())).contains("480p");
    }

    @Test
    void aDeclaredBandwidthPicksTheHighestRungThatFitsWithHeadroom() {
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.of(10_000_000))).contains("1080p");
        // 2.5 Mbit/s + audio does not fit in 85 % of 3 Mbit/s; 1 Mbit/s does
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.of(3_000_000))).contains("480p");
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.of(3_200_000))).contains("720p");
    }

    @Test
    void tooLittleBandwidthStillGetsTheLowestRung() {
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.of(100_000))).contains("360p");
    }

    @Test
    void onlyRungsTheViewerCanDecodeAreConsidered() {
        Set<Profile> chromium = Set.of(Profile.CONSTRAINED_BASELINE, Profile.BASELINE, Profile.MAIN);
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.empty(), chromium)).contains("480p");
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.empty(), Set.of())).as("none decodable: unfiltered")
                .contains("720p");
    }

    @Test
    void highRungsAreDecodableByHigh444PredictiveAsChromiumWithoutHardwareOffersIt() {
        Set<Profile> chromium156 = Set.of(Profile.CONSTRAINED_BASELINE, Profile.BASELINE, Profile.MAIN,
                Profile.PREDICTIVE_HIGH_444);
        assertThat(RenditionChoice.choose(LADDER, OptionalLong.empty(), chromium156)).contains("720p");
    }

    @Test
    void theStartEstimateOfALayeredViewerIsItsVideoShareOfTheDeclaredBandwidth() {
        assertThat(RenditionChoice.startKbps(OptionalLong.empty())).isZero();
        assertThat(RenditionChoice.startKbps(OptionalLong.of(2_000_000))).isEqualTo(1_636); // 85 % less 64 kbit/s
        assertThat(RenditionChoice.startKbps(OptionalLong.of(10_000))).as("at least 1").isEqualTo(1);
    }

    @Test
    void anEmptyLadderHasNoChoice() {
        assertThat(RenditionChoice.choose(List.of(), OptionalLong.empty())).isEmpty();
    }
}
