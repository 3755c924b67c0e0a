// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Optional;

/**
 * An offered media section the answer rejects with port 0 (RFC 3264 §6), and why, for logs and
 * for the WHIP/WHEP error response when nothing at all could be accepted.
 *
 * @param index the section's position in the offer
 * @param mid its mid, if it had one
 * @param media its {@code <media>} value
 * @param reason what was missing or unsupported, in words
 */
public record RejectedMedia(int index, Optional<String> mid, String media, String reason) {

  /** {@code "mid 1 (video): reason"}, or the index when there is no mid. */
  public String describe() {
    return mid.map(m -> "mid " + m).orElse("m-line " + index) + " (" + media + "): " + reason;
  }
}
