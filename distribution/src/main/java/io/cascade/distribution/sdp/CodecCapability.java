// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A codec this server accepts, and what it answers for it.
 *
 * <p>An offered payload type matches when the encoding name (without case, RFC 4855 §3), clock
 * rate and, for audio, channel count agree, and for H.264 when the profile and packetization mode
 * agree as well (RFC 6184 §8.2.2). {@link #parameters} are what the answer's {@code a=fmtp} says
 * for it (for H.264 the answer's profile-level-id is computed from the offer's, see {@link
 * H264ProfileLevelId}); {@link #feedback} is the RTCP feedback this server can act on, of which
 * the answer keeps what the offer listed.
 *
 * @param kind audio or video
 * @param name the encoding name as registered, for example {@code opus}, {@code VP8}
 * @param clockRate the RTP clock rate
 * @param channels the channel count for audio (Opus is always 2, RFC 7587 §7), 0 for video
 * @param parameters the format parameters to answer with
 * @param feedback the feedback types this server handles for the codec
 * @param sentOnly for H.264, a stream this server only sends (a WHEP viewer's): an offered
 *     profile whose decoders decode the stream's profile matches too, and is answered with the
 *     offered profile (RFC 6184 §8.2.2 wants the same profile in the answer); exact matches
 *     are preferred. False for what this server receives, which must match exactly.
 */
public record CodecCapability(
    MediaType kind, String name, int clockRate, int channels, Map<String, String> parameters,
    List<RtcpFeedback> feedback, boolean sentOnly) {
  /** NACK, PLI, FIR and transport-wide CC: what the relay answers for video. */
  public static final List<RtcpFeedback> VIDEO_FEEDBACK = List.of(RtcpFeedback.NACK,
      RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR, RtcpFeedback.TRANSPORT_CC);

  public CodecCapability {
    if (!SdpSyntax.isToken(name) || clockRate < 1 || channels < 0) {
      throw new IllegalArgumentException("bad codec capability");
    }
    parameters = SdpSyntax.orderedCopy(parameters);
    feedback = List.copyOf(feedback);
  }

  public CodecCapability(MediaType kind, String name, int clockRate, int channels,
      Map<String, String> parameters, List<RtcpFeedback> feedback) {
    this(kind, name, clockRate, channels, parameters, feedback, false);
  }

  /**
   * H.264 that this server sends at {@code profileLevelId} (a stream's own profile and level):
   * answered under any offered profile whose decoders decode it, see {@link #sentOnly}.
   */
  public static CodecCapability h264Sent(String profileLevelId) {
    CodecCapability c = h264(profileLevelId);
    return new CodecCapability(c.kind, c.name, c.clockRate, c.channels, c.parameters, c.feedback, true);
  }

  /** Opus (RFC 7587 §7): {@code opus/48000/2}, in-band FEC on, 10 ms minimum packet time. */
  public static CodecCapability opus() {
    Map<String, String> fmtp = new LinkedHashMap<>();
    fmtp.put("minptime", "10");
    fmtp.put("useinbandfec", "1");
    return new CodecCapability(MediaType.AUDIO, "opus", 48000, 2, fmtp,
        List.of(RtcpFeedback.TRANSPORT_CC));
  }

  /** VP8 (RFC 7741 §6.1): {@code VP8/90000}, no parameters needed. */
  public static CodecCapability vp8() {
    return new CodecCapability(MediaType.VIDEO, "VP8", 90000, 0, Map.of(), VIDEO_FEEDBACK);
  }

  /**
   * H.264 with packetization mode 1 (non-interleaved, RFC 6184 §6.3) at a profile and maximum
   * level given as a profile-level-id, for example {@code 42e01f}.
   */
  public static CodecCapability h264(String profileLevelId) {
    if (H264ProfileLevelId.parse(profileLevelId).isEmpty()) {
      throw new IllegalArgumentException("not a profile-level-id: " + profileLevelId);
    }
    Map<String, String> fmtp = new LinkedHashMap<>();
    fmtp.put("level-asymmetry-allowed", "1");
    fmtp.put("packetization-mode", "1");
    fmtp.put("profile-level-id", profileLevelId);
    return new CodecCapability(MediaType.VIDEO, "H264", 90000, 0, fmtp, VIDEO_FEEDBACK);
  }

  /** Whether this is H.264. */
  boolean isH264() {
    return name.equalsIgnoreCase("H264");
  }
}
