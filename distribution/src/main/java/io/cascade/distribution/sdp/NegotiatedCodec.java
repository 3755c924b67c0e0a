// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Optional;

/**
 * A codec both sides agreed on, as the answer states it: the offerer's payload type, the format
 * parameters and RTCP feedback of the answer, and the RTX payload type that repairs it (RFC 4588
 * §8.1), if one was negotiated.
 *
 * @param codec the answer's codec (payload type, name, clock, channels, fmtp, rtcp-fb)
 * @param rtxPayloadType the RTX payload type whose {@code apt} is this codec's
 */
public record NegotiatedCodec(Codec codec, Optional<Integer> rtxPayloadType) {
  /** The payload type. */
  public int payloadType() {
    return codec.payloadType();
  }

  /** Whether the answer kept this feedback type for the codec. */
  public boolean hasFeedback(RtcpFeedback feedback) {
    return codec.feedback().contains(feedback);
  }
}
