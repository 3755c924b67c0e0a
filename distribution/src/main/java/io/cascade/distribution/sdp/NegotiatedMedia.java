// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One accepted media section, as the transport needs it to configure itself: what to expect from
 * the peer and what to send. All sections share the one BUNDLE transport, so the ICE credentials
 * and the DTLS fingerprint are in {@link Negotiation#remote()}, not here.
 *
 * @param index the section's position in the offer and the answer (RFC 3264 §6)
 * @param mid the section's mid, as carried in the MID header extension (RFC 8843 §15)
 * @param kind audio or video
 * @param direction this server's direction in the answer
 * @param codecs the accepted codecs in the offerer's order of preference, each with its RTX
 * @param extensions the accepted header extensions with the offerer's ids (RFC 8285 §6)
 * @param rtcpRsize whether reduced-size RTCP was agreed (RFC 5506 §5)
 * @param remoteSsrcs the SSRCs the offer announced ({@code a=ssrc}), in order, each once
 * @param remoteSsrcGroups the offer's {@code a=ssrc-group} lines (FID pairs RTX, SIM layers)
 * @param remoteRids the simulcast rids this server will receive, in the offer's order
 * @param remoteMsid the offer's first {@code a=msid}
 * @param localSsrc the SSRC this server sends with, when it sends in this section
 * @param localRtxSsrc the SSRC of its retransmissions, when it sends and RTX was agreed
 */
public record NegotiatedMedia(
    int index,
    String mid,
    MediaType kind,
    Direction direction,
    List<NegotiatedCodec> codecs,
    List<ExtMap> extensions,
    boolean rtcpRsize,
    List<Long> remoteSsrcs,
    List<SsrcGroup> remoteSsrcGroups,
    List<String> remoteRids,
    Optional<Msid> remoteMsid,
    Optional<Long> localSsrc,
    Optional<Long> localRtxSsrc) {

  public NegotiatedMedia {
    codecs = List.copyOf(codecs);
    extensions = List.copyOf(extensions);
    remoteSsrcs = List.copyOf(remoteSsrcs);
    remoteSsrcGroups = List.copyOf(remoteSsrcGroups);
    remoteRids = List.copyOf(remoteRids);
  }

  /** The id negotiated for a header extension URI, if it was accepted. */
  public Optional<Integer> extensionId(String uri) {
    return extensions.stream().filter(e -> e.uri().equals(uri)).map(ExtMap::id).findFirst();
  }

  /** The accepted codec with this payload type (RTX payload types are not codecs here). */
  public Optional<NegotiatedCodec> codec(int payloadType) {
    return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
  }

  /** The codec the offerer prefers most among those accepted. */
  public NegotiatedCodec preferredCodec() {
    return codecs.getFirst();
  }

  /** Whether the peer sends simulcast identified by rid (RFC 8853). */
  public boolean isSimulcast() {
    return !remoteRids.isEmpty();
  }
}
