// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The H.264 {@code profile-level-id} format parameter (RFC 6184 §8.1): three bytes in hex,
 * {@code profile_idc}, {@code profile-iop} (the constraint_set flags) and {@code level_idc}.
 *
 * <p>Profiles are told apart as H.264 Annex A and RFC 6184 §8.1 Table 5 do, by profile_idc and the
 * constraint flags together: {@code 42e01f} is Constrained Baseline, {@code 42001f} Baseline and
 * {@code 4d001f} Main (the table of patterns follows WebRTC's {@code h264_profile_level_id.cc}, so
 * that this server and Chromium agree on what matches). Level 1b is {@code level_idc} 11 with
 * constraint_set3 set (Annex A.3.1).
 *
 * <p>Offer/answer (RFC 6184 §8.2.2): the profile must be the same on both sides; the level in an
 * answer may differ from the offer's only when both sides said {@code level-asymmetry-allowed=1},
 * and otherwise is at most the offered level.
 *
 * @param profile the profile
 * @param level {@code level_idc} (10 for level 1, 31 for 3.1, ...), or {@link #LEVEL_1B}
 */
public record H264ProfileLevelId(Profile profile, int level) {
  /** Level 1b, which sorts between level 1 and level 1.1. */
  public static final int LEVEL_1B = 0;

  private static final Set<Integer> LEVELS =
      Set.of(10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52, 60, 61, 62);
  private static final int CONSTRAINT_SET3 = 0x10;
  /** RFC 6184 §8.1: without profile-level-id, Baseline at level 1 ({@code 42000a}) applies. */
  public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(Profile.BASELINE, 10);

  /** H.264 profiles that WebRTC names, with the {@code profile_idc}+iop prefix written for each. */
  public enum Profile {
    CONSTRAINED_BASELINE("42e0"),
    BASELINE("4200"),
    MAIN("4d00"),
    CONSTRAINED_HIGH("640c"),
    HIGH("6400"),
    PREDICTIVE_HIGH_444("f400");

    private final String prefix;

    Profile(String prefix) {
      this.prefix = prefix;
    }

    /**
     * Whether a decoder of this profile decodes every bitstream of {@code stream}'s profile
     * (H.264 Annex A.2: Main, High and High 4:4:4 Predictive decoders take Constrained
     * Baseline; High and High 4:4:4 Predictive take Main and Constrained High; High 4:4:4
     * Predictive takes High; Baseline with its FMO and ASO only Baseline decoders).
     */
    public boolean decodes(Profile stream) {
      if (this == stream) {
        return true;
      }
      return switch (stream) {
        case CONSTRAINED_BASELINE -> true;
        case BASELINE, PREDICTIVE_HIGH_444 -> false;
        case MAIN, CONSTRAINED_HIGH -> this == HIGH || this == PREDICTIVE_HIGH_444;
        case HIGH -> this == PREDICTIVE_HIGH_444;
      };
    }
  }

  /** profile_idc, the iop bits that must match ('x' = either) and the profile they mean. */
  private record Pattern(int profileIdc, String bits, Profile profile) {
    boolean matches(int idc, int iop) {
      int mask = 0;
      int value = 0;
      for (int i = 0; i < 8; i++) {
        char c = bits.charAt(i);
        int bit = 0x80 >> i;
        mask |= c == 'x' ? 0 : bit;
        value |= c == '1' ? bit : 0;
      }
      return idc == profileIdc && (iop & mask) == value;
    }
  }

  private static final Pattern[] PATTERNS = {
    new Pattern(0x42, "x1xx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x4D, "1xxx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x58, "11xx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x42, "x0xx0000", Profile.BASELINE),
    new Pattern(0x58, "10xx0000", Profile.BASELINE),
    new Pattern(0x4D, "0x0x0000", Profile.MAIN),
    new Pattern(0x64, "00000000", Profile.HIGH),
    new Pattern(0x64, "00001100", Profile.CONSTRAINED_HIGH),
    new Pattern(0xF4, "00000000", Profile.PREDICTIVE_HIGH_444),
  };

  public H264ProfileLevelId {
    if (level != LEVEL_1B && !LEVELS.contains(level)) {
      throw new IllegalArgumentException("not an H.264 level_idc: " + level);
    }
    if (level == LEVEL_1B && profile.ordinal() > Profile.MAIN.ordinal()) {
      throw new IllegalArgumentException("level 1b exists for Baseline and Main only");
    }
  }

  /** Parses six hex digits; empty when they are not a profile and level WebRTC knows. */
  public static Optional<H264ProfileLevelId> parse(String hex) {
    if (hex.length() != 6 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
      return Optional.empty();
    }
    int value = HexFormat.fromHexDigits(hex);
    int idc = value >>> 16;
    int iop = (value >>> 8) & 0xFF;
    int levelIdc = value & 0xFF;
    if (!LEVELS.contains(levelIdc)) {
      return Optional.empty();
    }
    int level = levelIdc == 11 && (iop & CONSTRAINT_SET3) != 0 ? LEVEL_1B : levelIdc;
    for (Pattern pattern : PATTERNS) {
      if (pattern.matches(idc, iop)) {
        return Optional.of(new H264ProfileLevelId(pattern.profile, level));
      }
    }
    return Optional.empty();
  }

  /** The profile and level of an H.264 payload type, {@link #DEFAULT} when it names none. */
  public static Optional<H264ProfileLevelId> of(Codec codec) {
    return codec.parameter("profile-level-id").map(H264ProfileLevelId::parse)
        .orElse(Optional.of(DEFAULT));
  }

  /** The six hex digits; level 1b is written with constraint_set3 (Annex A.3.1). */
  public String encode() {
    if (level != LEVEL_1B) {
      return profile.prefix + String.format("%02x", level);
    }
    return switch (profile) {
      case CONSTRAINED_BASELINE -> "42f00b";
      case BASELINE -> "42100b";
      default -> "4d100b"; // MAIN: the constructor allows 1b for no other profile
    };
  }

  /** This profile at another level. */
  public H264ProfileLevelId withLevel(int newLevel) {
    return new H264ProfileLevelId(profile, newLevel);
  }

  /** Whether level {@code a} is lower than level {@code b}, with 1b between 1 and 1.1. */
  public static boolean isLower(int a, int b) {
    if (a == LEVEL_1B) {
      return b != 10 && b != LEVEL_1B;
    }
    if (b == LEVEL_1B) {
      return a == 10;
    }
    return a < b;
  }

  /** The lower of two levels. */
  public static int lower(int a, int b) {
    return isLower(a, b) ? a : b;
  }
}
