// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the {@link TransportAttributes} of one level while its lines are read. Shared by the
 * SDP parser and the trickle fragment parser.
 *
 * <p>A second {@code a=ice-ufrag}, {@code a=ice-pwd} or {@code a=setup} at the same level is an
 * error rather than "last one wins": which credentials or DTLS role applies would otherwise
 * depend on the parser, and these are the values the connection's security rests on.
 */
final class TransportAttributesReader {
  private final boolean mediaLevel;
  private Optional<String> ufrag = Optional.empty();
  private Optional<String> pwd = Optional.empty();
  private List<String> options = List.of();
  private final List<Candidate> candidates = new ArrayList<>();
  private boolean endOfCandidates;
  private final List<Fingerprint> fingerprints = new ArrayList<>();
  private Optional<Setup> setup = Optional.empty();

  /** @param mediaLevel whether {@code a=candidate} belongs to this level (RFC 8839 §5.1) */
  TransportAttributesReader(boolean mediaLevel) {
    this.mediaLevel = mediaLevel;
  }

  /**
   * Reads one attribute if it is a transport attribute of this level.
   *
   * @return false when the attribute is not one of them, to be handled elsewhere
   * @throws SdpParseException naming the attribute when its value is malformed
   */
  boolean read(String name, String value) throws SdpParseException {
    switch (name) {
      case "ice-ufrag" -> ufrag = Optional.of(ice(ufrag, "a=ice-ufrag", value,
          TransportAttributes.MIN_UFRAG));
      case "ice-pwd" -> pwd = Optional.of(ice(pwd, "a=ice-pwd", value,
          TransportAttributes.MIN_PWD));
      case "ice-options" -> options = iceOptions(value);
      case "fingerprint" -> fingerprints.add(Fingerprint.decode(value));
      case "setup" -> {
        if (setup.isPresent()) {
          throw new SdpParseException("a=setup", "appears twice at one level");
        }
        setup = Optional.of(Setup.decode(SdpSyntax.trim(value)));
      }
      case "end-of-candidates" -> endOfCandidates = flag("a=end-of-candidates", value);
      case "candidate" -> {
        if (!mediaLevel) {
          return false;
        }
        candidates.add(Candidate.decode(value));
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  TransportAttributes build() {
    return new TransportAttributes(ufrag, pwd, options, candidates, endOfCandidates,
        fingerprints, setup);
  }

  private static String ice(Optional<String> seen, String field, String value, int min)
      throws SdpParseException {
    if (seen.isPresent()) {
      throw new SdpParseException(field, "appears twice at one level");
    }
    String trimmed = SdpSyntax.trim(value);
    if (!SdpSyntax.isIceString(trimmed, min, TransportAttributes.MAX_ICE_STRING)) {
      throw new SdpParseException(field, "must be " + min + "-"
          + TransportAttributes.MAX_ICE_STRING + " characters of ALPHA, DIGIT, '+' and '/'");
    }
    return trimmed;
  }

  /** RFC 8839 §5.6: {@code ice-options = "ice-options:" ice-option-tag *(SP ice-option-tag)}. */
  private static List<String> iceOptions(String value) throws SdpParseException {
    List<String> tags = SdpSyntax.words(value);
    if (tags.isEmpty() || !tags.stream().allMatch(t -> SdpSyntax.isIceString(t, 1, 256))) {
      throw new SdpParseException("a=ice-options", "expected ice-char tags");
    }
    return tags;
  }

  /** A property attribute, which takes no value (RFC 8866 §5.13). */
  static boolean flag(String field, String value) throws SdpParseException {
    if (!value.isEmpty()) {
      throw new SdpParseException(field, "takes no value");
    }
    return true;
  }
}
