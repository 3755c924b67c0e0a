// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * Hard caps on what the parsers read, checked before any work that grows with the input. A WHIP
 * offer from Chromium with audio, simulcast video and candidates is about 6 KiB and 160 lines
 * (ffmpeg caps its own offers at 8 KiB); the defaults leave room for many more sections without
 * letting a request body make the server allocate without bound.
 *
 * @param maxBytes the largest document, in UTF-8 bytes
 * @param maxLines the most lines, blank ones included
 * @param maxLineLength the longest line, in characters, without its line ending
 * @param maxMediaSections the most m= sections
 * @param maxFeedbackPerCodec the most {@code a=rtcp-fb} entries one payload type collects
 */
public record SdpLimits(
    int maxBytes, int maxLines, int maxLineLength, int maxMediaSections, int maxFeedbackPerCodec) {
  /** 64 KiB, 4096 lines of at most 4096 characters, 64 media sections, 32 feedback types. */
  public static final SdpLimits DEFAULT = new SdpLimits(64 * 1024, 4096, 4096, 64, 32);

  public SdpLimits {
    if (maxBytes < 1 || maxLines < 1 || maxLineLength < 2 || maxMediaSections < 1
        || maxFeedbackPerCodec < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
