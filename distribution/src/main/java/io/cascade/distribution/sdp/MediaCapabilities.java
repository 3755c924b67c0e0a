// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Set;

/**
 * What this server can receive and send, which bounds every answer it writes (RFC 3264 §6.1:
 * the answer lists only formats from the offer that the answerer supports).
 *
 * @param codecs the codecs, in no particular order (the offerer's order decides, RFC 3264 §6.1)
 * @param rtx whether RTX (RFC 4588) is accepted for each accepted video codec
 * @param audioExtensions RTP header extension URIs accepted in audio sections (RFC 8285)
 * @param videoExtensions RTP header extension URIs accepted in video sections (RFC 8285)
 */
public record MediaCapabilities(
    List<CodecCapability> codecs, boolean rtx, Set<String> audioExtensions,
    Set<String> videoExtensions) {

  public MediaCapabilities {
    codecs = List.copyOf(codecs);
    audioExtensions = Set.copyOf(audioExtensions);
    videoExtensions = Set.copyOf(videoExtensions);
  }

  /**
   * Opus; VP8; H.264 Constrained Baseline, Baseline and Main at level 3.1 with packetization mode
   * 1; RTX; and the header extensions for BUNDLE demux (mid), simulcast (rid, repaired rid),
   * bandwidth estimation (abs-send-time, transport-wide CC) and audio level. These are what
   * Chromium, Firefox and ffmpeg's WHIP muxer offer in common, and what the relay forwards
   * without transcoding.
   */
  public static MediaCapabilities defaults() {
    return new MediaCapabilities(
        List.of(CodecCapability.opus(), CodecCapability.vp8(), CodecCapability.h264("42e01f"),
            CodecCapability.h264("42001f"), CodecCapability.h264("4d001f")),
        true,
        Set.of(ExtMap.SDES_MID, ExtMap.ABS_SEND_TIME, ExtMap.TRANSPORT_WIDE_CC,
            ExtMap.SSRC_AUDIO_LEVEL),
        Set.of(ExtMap.SDES_MID, ExtMap.SDES_RTP_STREAM_ID, ExtMap.SDES_REPAIRED_RTP_STREAM_ID,
            ExtMap.ABS_SEND_TIME, ExtMap.TRANSPORT_WIDE_CC));
  }

  /** The codecs of one kind. */
  public List<CodecCapability> codecs(MediaType kind) {
    return codecs.stream().filter(c -> c.kind() == kind).toList();
  }

  /** The header extensions accepted for one kind. */
  public Set<String> extensions(MediaType kind) {
    return kind == MediaType.AUDIO ? audioExtensions : videoExtensions;
  }
}
