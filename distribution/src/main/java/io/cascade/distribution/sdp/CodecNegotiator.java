// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Intersects one offered media section's codecs with the {@link MediaCapabilities} (RFC 3264
 * §6.1; JSEP, RFC 8829 §5.3.1).
 *
 * <p>The answer keeps the offerer's payload types and order: RFC 3264 §6.1 says the answer's
 * payload types for a format are those of the offer, and the offer's order is its preference.
 * Each accepted payload type gets the answer's format parameters (for H.264 the profile-level-id
 * of RFC 6184 §8.2.2) and the offered RTCP feedback this server handles. RTX payload types are
 * kept when the codec their {@code apt} names is kept (RFC 4588 §8.1). Everything else offered
 * (VP9, AV1, RED, ulpfec, comfort noise, telephone-event, H.264 of other profiles or
 * packetization mode 0, ...) is left out of the answer.
 */
final class CodecNegotiator {
  private static final String LEVEL_ASYMMETRY = "level-asymmetry-allowed";
  private static final String PACKETIZATION_MODE = "packetization-mode";
  private static final String PROFILE_LEVEL_ID = "profile-level-id";

  /**
   * @param answerCodecs the answer's codecs in the offer's order, RTX included
   * @param negotiated the accepted codecs other than RTX, each with its RTX payload type
   */
  record Result(List<Codec> answerCodecs, List<NegotiatedCodec> negotiated) {}

  private CodecNegotiator() {}

  static Result negotiate(MediaDescription offered, MediaType kind, MediaCapabilities caps) {
    Map<Integer, Codec> accepted = new LinkedHashMap<>();
    Map<Integer, CodecCapability> wider = new LinkedHashMap<>();
    Set<CodecCapability> exact = new HashSet<>();
    for (Codec codec : offered.codecs()) {
      if (!codec.is(Codec.RTX)) {
        match(codec, kind, caps).ifPresent(cap -> {
          accepted.put(codec.payloadType(), answer(codec, cap));
          if (cap.isH264() && !sameH264(codec, cap)) {
            wider.put(codec.payloadType(), cap);
          } else {
            exact.add(cap);
          }
        });
      }
    }
    // a stream we send goes under its own profile where the viewer offered it
    wider.forEach((pt, cap) -> {
      if (exact.contains(cap)) {
        accepted.remove(pt);
      }
    });
    Map<Integer, Codec> rtx = new LinkedHashMap<>();
    for (Codec codec : offered.codecs()) {
      Optional<Integer> apt = codec.associatedPayloadType();
      if (caps.rtx() && codec.is(Codec.RTX) && apt.isPresent() && accepted.containsKey(apt.get())
          && accepted.get(apt.get()).clockRate() == codec.clockRate()) {
        rtx.put(codec.payloadType(), new Codec(codec.payloadType(), codec.name(),
            codec.clockRate(), 0, Map.of("apt", Integer.toString(apt.get())), List.of()));
      }
    }
    List<Codec> answerCodecs = new ArrayList<>();
    for (Codec codec : offered.codecs()) {
      Codec answer = accepted.getOrDefault(codec.payloadType(), rtx.get(codec.payloadType()));
      if (answer != null) {
        answerCodecs.add(answer);
      }
    }
    List<NegotiatedCodec> negotiated = new ArrayList<>();
    for (Codec codec : accepted.values()) {
      Optional<Integer> rtxPt = rtx.values().stream()
          .filter(r -> r.associatedPayloadType().equals(Optional.of(codec.payloadType())))
          .map(Codec::payloadType).findFirst();
      negotiated.add(new NegotiatedCodec(codec, rtxPt));
    }
    return new Result(answerCodecs, negotiated);
  }

  /** The capability an offered payload type matches, if any. */
  private static Optional<CodecCapability> match(Codec offered, MediaType kind,
      MediaCapabilities caps) {
    for (CodecCapability cap : caps.codecs(kind)) {
      boolean same = offered.is(cap.name()) && offered.clockRate() == cap.clockRate()
          && (kind != MediaType.AUDIO
              || Math.max(offered.channels(), 1) == Math.max(cap.channels(), 1))
          && (!cap.isH264() || sameH264(offered, cap) || decodesSent(offered, cap));
      if (same) {
        return Optional.of(cap);
      }
    }
    return Optional.empty();
  }

  /** RFC 6184 §8.2.2: same packetization mode (default 0, §8.1) and same profile. */
  private static boolean sameH264(Codec offered, CodecCapability cap) {
    String offeredMode = offered.parameter(PACKETIZATION_MODE).orElse("0");
    Optional<H264ProfileLevelId> offeredProfile = H264ProfileLevelId.of(offered);
    return offeredMode.equals(cap.parameters().get(PACKETIZATION_MODE))
        && offeredProfile.isPresent()
        && offeredProfile.get().profile() == localProfile(cap).profile();
  }

  /** A stream we send ({@link CodecCapability#sentOnly}) whose profile the offered one decodes. */
  private static boolean decodesSent(Codec offered, CodecCapability cap) {
    Optional<H264ProfileLevelId> offeredProfile = H264ProfileLevelId.of(offered);
    return cap.sentOnly()
        && offered.parameter(PACKETIZATION_MODE).orElse("0").equals(cap.parameters().get(PACKETIZATION_MODE))
        && offeredProfile.isPresent()
        && offeredProfile.get().profile().decodes(localProfile(cap).profile());
  }

  private static Codec answer(Codec offered, CodecCapability cap) {
    Map<String, String> fmtp = cap.isH264() ? h264Parameters(offered, cap) : cap.parameters();
    List<RtcpFeedback> feedback =
        offered.feedback().stream().filter(cap.feedback()::contains).toList();
    return new Codec(offered.payloadType(), offered.name(), offered.clockRate(),
        offered.channels(), fmtp, feedback);
  }

  /**
   * RFC 6184 §8.2.2: with level-asymmetry-allowed=1 on both sides the answer states the level
   * this server can receive; otherwise the lower of the offered and the local level.
   */
  private static Map<String, String> h264Parameters(Codec offered, CodecCapability cap) {
    H264ProfileLevelId local = localProfile(cap);
    H264ProfileLevelId remote = H264ProfileLevelId.of(offered).orElseThrow(); // matched above
    boolean asymmetry = offered.parameter(LEVEL_ASYMMETRY).equals(Optional.of("1"))
        && "1".equals(cap.parameters().get(LEVEL_ASYMMETRY));
    int level = asymmetry ? local.level() : H264ProfileLevelId.lower(local.level(), remote.level());
    Map<String, String> fmtp = new LinkedHashMap<>();
    if (asymmetry) {
      fmtp.put(LEVEL_ASYMMETRY, "1");
    }
    fmtp.put(PACKETIZATION_MODE, cap.parameters().get(PACKETIZATION_MODE));
    // the offered profile (the same as ours unless a sent stream matched a wider one); our level
    H264ProfileLevelId answered = new H264ProfileLevelId(remote.profile(),
        remote.profile() == local.profile() || level != H264ProfileLevelId.LEVEL_1B ? level : 11);
    fmtp.put(PROFILE_LEVEL_ID, answered.encode());
    return fmtp;
  }

  private static H264ProfileLevelId localProfile(CodecCapability cap) {
    return H264ProfileLevelId.parse(cap.parameters().get(PROFILE_LEVEL_ID)).orElseThrow();
  }
}
