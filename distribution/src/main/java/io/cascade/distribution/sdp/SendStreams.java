// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stream this server sends in one section (WHEP viewing, or the return direction of a call),
 * as the answer announces it: {@code a=msid} (RFC 8830 §2), and SSRCs with {@code cname} (RFC 5576
 * §6.1) grouped {@code FID} with their RTX SSRC (RFC 5576 §7.1, RFC 4588 §8.3). Browsers can
 * demux by the MID header extension alone, but associating RTX and the CNAME needs the SSRCs.
 */
record SendStreams(
    Optional<Long> ssrc, Optional<Long> rtxSsrc, List<Msid> msids,
    List<SsrcAttribute> attributes, List<SsrcGroup> groups) {
  /** Nothing sent. */
  static final SendStreams NONE =
      new SendStreams(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());

  static SendStreams allocate(MediaSectionAnswerer.Context context, String trackId, boolean rtx) {
    long ssrc = context.ssrcs().next();
    Optional<Long> rtxSsrc = rtx ? Optional.of(context.ssrcs().next()) : Optional.empty();
    Msid msid = new Msid(context.local().streamId(), trackId);
    List<SsrcAttribute> attributes = new ArrayList<>();
    List<Long> all = new ArrayList<>(List.of(ssrc));
    rtxSsrc.ifPresent(all::add);
    for (long s : all) {
      attributes.add(new SsrcAttribute(s, "cname", context.local().cname()));
      attributes.add(new SsrcAttribute(s, "msid", msid.encode()));
    }
    List<SsrcGroup> groups = rtxSsrc.isPresent()
        ? List.of(new SsrcGroup(SsrcGroup.FID, all)) : List.of();
    return new SendStreams(Optional.of(ssrc), rtxSsrc, List.of(msid), attributes, groups);
  }
}
