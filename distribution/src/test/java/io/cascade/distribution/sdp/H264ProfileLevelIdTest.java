// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.sdp.H264ProfileLevelId.Profile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6184 §8.1 profile-level-id parsing, levels and the §8.2.2 answer. */
class H264ProfileLevelIdTest {

  private static Optional<H264ProfileLevelId> parse(String hex) {
    return H264ProfileLevelId.parse(hex);
  }

  @Test
  void theProfilesChromiumOffers() {
    assertThat(parse("42e01f")).contains(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31));
    assertThat(parse("42001f")).contains(new H264ProfileLevelId(Profile.BASELINE, 31));
    assertThat(parse("4d001f")).contains(new H264ProfileLevelId(Profile.MAIN, 31));
    assertThat(parse("42E01F")).isEqualTo(parse("42e01f"));
  }

  @Test
  void constraintFlagsDecideTheProfile() {
    assertThat(parse("4d8028").orElseThrow().profile()).isEqualTo(Profile.CONSTRAINED_BASELINE);
    assertThat(parse("58c01e").orElseThrow().profile()).isEqualTo(Profile.CONSTRAINED_BASELINE);
    assertThat(parse("58801e").orElseThrow().profile()).isEqualTo(Profile.BASELINE);
    assertThat(parse("640c1f").orElseThrow().profile()).isEqualTo(Profile.CONSTRAINED_HIGH);
    assertThat(parse("64001f").orElseThrow().profile()).isEqualTo(Profile.HIGH);
    assertThat(parse("f4001f").orElseThrow().profile()).isEqualTo(Profile.PREDICTIVE_HIGH_444);
    assertThat(parse("42e11f")).as("reserved iop bits set").isEmpty();
    assertThat(parse("6e001f")).as("High 10 is not negotiated").isEmpty();
  }

  @Test
  void levelsIncluding1b() {
    assertThat(parse("42f00b").orElseThrow().level()).isEqualTo(H264ProfileLevelId.LEVEL_1B);
    assertThat(parse("42e00b").orElseThrow().level()).isEqualTo(11);
    assertThat(parse("42e034").orElseThrow().level()).isEqualTo(52);
    assertThat(parse("42e009")).isEmpty();
    assertThat(parse("42e01")).isEmpty();
    assertThat(parse("42e0zz")).isEmpty();
    assertThat(H264ProfileLevelId.isLower(10, H264ProfileLevelId.LEVEL_1B)).isTrue();
    assertThat(H264ProfileLevelId.isLower(H264ProfileLevelId.LEVEL_1B, 11)).isTrue();
    assertThat(H264ProfileLevelId.isLower(H264ProfileLevelId.LEVEL_1B, 10)).isFalse();
    assertThat(H264ProfileLevelId.lower(31, 13)).isEqualTo(13);
  }

  @Test
  void encodesCanonically() {
    assertThat(parse("42e01f").orElseThrow().encode()).isEqualTo("42e01f");
    assertThat(parse("4de01f").orElseThrow().encode()).as("Main with cs1 is CB: 42e0")
        .isEqualTo("42e01f");
    assertThat(parse("42f00b").orElseThrow().encode()).isEqualTo("42f00b");
    assertThat(parse("4d100b").orElseThrow().encode()).isEqualTo("4d100b");
    assertThat(H264ProfileLevelId.DEFAULT.encode()).isEqualTo("42000a");
  }

  @Test
  void absentMeansBaselineLevel1() {
    Codec noParameters = new Codec(96, "H264", 90000, 0, java.util.Map.of(), java.util.List.of());
    assertThat(H264ProfileLevelId.of(noParameters)).contains(H264ProfileLevelId.DEFAULT);
  }
}
