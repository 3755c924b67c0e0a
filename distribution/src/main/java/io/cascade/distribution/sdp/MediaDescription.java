// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One media section: the {@code m=} line (RFC 8866 §5.14) and what follows it up to the next.
 *
 * <p>For an RTP profile ({@code .../RTP/...}) each format is a payload type and {@link #codecs}
 * holds one entry per format, in the m= line's order, which is the writer's order of preference
 * (RFC 3264 §5.1). Lines the model does not interpret are kept in {@link #otherLines} and written
 * back; see {@link OtherLines} for where.
 *
 * @param media {@code audio}, {@code video}, {@code application}, ...
 * @param port the transport port; 0 marks a rejected or disabled section (RFC 3264 §6)
 * @param portCount the {@code /<number of ports>} suffix, or 0 when absent
 * @param proto the transport protocol, {@code UDP/TLS/RTP/SAVPF} for WebRTC media
 * @param formats the m= line's formats as written
 * @param connection the media-level {@code c=} line
 * @param mid {@code a=mid} (RFC 5888 §4)
 * @param direction the direction (RFC 8866 §6.7), defaulted from the session level or sendrecv
 * @param rtcpMux {@code a=rtcp-mux} (RFC 5761 §5.1.3, RFC 8858)
 * @param rtcpRsize {@code a=rtcp-rsize} (RFC 5506 §5)
 * @param transport ICE and DTLS attributes at this level only (see {@link #transportOver})
 * @param codecs one per format for RTP profiles, else empty
 * @param extmaps {@code a=extmap} lines (RFC 8285 §8)
 * @param msids {@code a=msid} lines (RFC 8830 §2)
 * @param ssrcs {@code a=ssrc} lines (RFC 5576 §4.1)
 * @param ssrcGroups {@code a=ssrc-group} lines (RFC 5576 §4.2)
 * @param rids {@code a=rid} lines (RFC 8851 §10)
 * @param simulcast {@code a=simulcast} (RFC 8853 §5.1)
 * @param otherLines lines kept verbatim, in {@link OtherLines#mediaOrder} order
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String proto,
    List<String> formats,
    Optional<Connection> connection,
    Optional<String> mid,
    Direction direction,
    boolean rtcpMux,
    boolean rtcpRsize,
    TransportAttributes transport,
    List<Codec> codecs,
    List<ExtMap> extmaps,
    List<Msid> msids,
    List<SsrcAttribute> ssrcs,
    List<SsrcGroup> ssrcGroups,
    List<RidDescription> rids,
    Optional<Simulcast> simulcast,
    List<String> otherLines) {
  /** The media kind of an audio section. */
  public static final String AUDIO = "audio";
  /** The media kind of a video section. */
  public static final String VIDEO = "video";

  public MediaDescription {
    if (!SdpSyntax.isToken(media) || port < 0 || port > 65535 || portCount < 0
        || !isProto(proto) || formats.isEmpty()) {
      throw new IllegalArgumentException("malformed m= line");
    }
    if (!formats.stream().allMatch(SdpSyntax::isToken)) {
      throw new IllegalArgumentException("formats must be tokens");
    }
    if (mid.isPresent() && !SdpSyntax.isToken(mid.get())) {
      throw new IllegalArgumentException("mid must be a token");
    }
    formats = List.copyOf(formats);
    codecs = List.copyOf(codecs);
    extmaps = List.copyOf(extmaps);
    msids = List.copyOf(msids);
    ssrcs = List.copyOf(ssrcs);
    ssrcGroups = List.copyOf(ssrcGroups);
    rids = List.copyOf(rids);
    otherLines = OtherLines.mediaOrder(otherLines);
    checkCodecsMatchFormats(proto, formats, codecs);
  }

  /** Whether the protocol is an RTP profile, whose formats are payload types. */
  public boolean isRtp() {
    return isRtp(proto);
  }

  /** Whether the port is 0: a rejected section (RFC 3264 §6) or a bundle-only one (RFC 8843). */
  public boolean isPortZero() {
    return port == 0;
  }

  /** This section's transport attributes with the session level filling the gaps. */
  public TransportAttributes transportOver(SessionDescription session) {
    return transport.over(session.transport());
  }

  /** The codec with this payload type. */
  public Optional<Codec> codec(int payloadType) {
    return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
  }

  /** The rid line with this id. */
  public Optional<RidDescription> rid(String id) {
    return rids.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  static boolean isRtp(String proto) {
    return proto.contains("RTP/");
  }

  /** RFC 8866 §5.14: {@code proto = token *("/" token)}. */
  static boolean isProto(String proto) {
    for (String part : proto.split("/", -1)) {
      if (!SdpSyntax.isToken(part)) {
        return false;
      }
    }
    return true;
  }

  private static void checkCodecsMatchFormats(String proto, List<String> formats,
      List<Codec> codecs) {
    if (!isRtp(proto)) {
      if (!codecs.isEmpty()) {
        throw new IllegalArgumentException("only RTP sections have codecs");
      }
      return;
    }
    if (codecs.size() != formats.size()) {
      throw new IllegalArgumentException("an RTP section needs one codec per format");
    }
    for (int i = 0; i < formats.size(); i++) {
      if (!formats.get(i).equals(Integer.toString(codecs.get(i).payloadType()))) {
        throw new IllegalArgumentException("codecs must follow the m= line's formats");
      }
    }
  }
}
