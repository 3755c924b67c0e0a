// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides one offered media section: rejected with a reason, or accepted and answered (RFC 3264
 * §6, JSEP RFC 8829 §5.3.1). The checks run in the order below and the first that fails names the
 * reason:
 *
 * <ol>
 *   <li>a port of 0 rejects the section, unless it is {@code a=bundle-only} (RFC 8843 §6);
 *   <li>only audio and video are served (no data channels);
 *   <li>the protocol must be {@code UDP/TLS/RTP/SAVPF}, DTLS-SRTP with feedback (RFC 5764 §8);
 *   <li>it needs a mid, and when the offer has a BUNDLE group it must be in it: there is one
 *       transport (RFC 8843 §7);
 *   <li>RTP and RTCP must be multiplexed, {@code a=rtcp-mux} (RFC 5761 §5.1.3, RFC 8858);
 *   <li>at least one codec must be in common ({@link CodecNegotiator}).
 * </ol>
 */
final class MediaSectionAnswerer {
  /** The one RTP profile served: DTLS-SRTP with RTCP feedback over UDP. */
  static final String PROTO = "UDP/TLS/RTP/SAVPF";

  /**
   * What accepted sections share.
   *
   * @param local this server's endpoint
   * @param transport the ICE and DTLS attributes every accepted section carries
   * @param connection the default candidate's c= line, if there is one
   * @param port the default candidate's port, or 9 (discard) without one (RFC 8839 §4.2.1.2)
   */
  record Context(LocalEndpoint local, TransportAttributes transport,
      Optional<Connection> connection, int port, MediaCapabilities capabilities,
      SsrcAllocator ssrcs) {}

  /** An accepted section: the answer's m= section and what the transport needs to know. */
  record Accepted(MediaDescription section, NegotiatedMedia media) {}

  private final int index;
  private final MediaDescription offered;
  private final CodecNegotiator.Result codecs;
  private final Optional<String> rejection;

  MediaSectionAnswerer(int index, MediaDescription offered, Optional<Group> bundle,
      MediaCapabilities capabilities) {
    this.index = index;
    this.offered = offered;
    Optional<MediaType> kind = MediaType.of(offered.media());
    this.codecs = kind.isPresent() && offered.isRtp()
        ? CodecNegotiator.negotiate(offered, kind.get(), capabilities)
        : new CodecNegotiator.Result(List.of(), List.of());
    this.rejection = firstRejection(kind, bundle);
  }

  private MediaSectionAnswerer(int index, MediaDescription offered, String rejection) {
    this.index = index;
    this.offered = offered;
    this.codecs = new CodecNegotiator.Result(List.of(), List.of());
    this.rejection = Optional.of(rejection);
  }

  /** A section rejected because the offer has no BUNDLE group and an earlier one was taken. */
  static MediaSectionAnswerer unbundled(int index, MediaDescription offered) {
    return new MediaSectionAnswerer(index, offered,
        "no BUNDLE group in the offer, and the one transport went to an earlier section");
  }

  private Optional<String> firstRejection(Optional<MediaType> kind, Optional<Group> bundle) {
    Optional<String> mid = offered.mid();
    if (offered.isPortZero() && !offered.otherLines().contains("a=bundle-only")) {
      return Optional.of("port 0 in the offer");
    } else if (kind.isEmpty()) {
      return Optional.of("media '" + offered.media() + "' is not served");
    } else if (!offered.proto().equals(PROTO)) {
      return Optional.of("protocol " + offered.proto() + " is not " + PROTO);
    } else if (mid.isEmpty()) {
      return Optional.of("no a=mid, which BUNDLE needs (RFC 8843 §7.2)");
    } else if (bundle.isPresent() && !bundle.get().mids().contains(mid.get())) {
      return Optional.of("not in the BUNDLE group; one transport is served");
    } else if (!offered.rtcpMux()) {
      return Optional.of("no a=rtcp-mux; RTCP must share the transport (RFC 8858)");
    } else if (codecs.negotiated().isEmpty()) {
      return Optional.of("no codec in common; offered " + offeredNames());
    }
    return Optional.empty();
  }

  private String offeredNames() {
    Set<String> names = offered.codecs().stream().map(c -> c.name().isEmpty()
        ? Integer.toString(c.payloadType()) : c.name()).collect(Collectors.toCollection(
            LinkedHashSet::new));
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** The reason the section is rejected, if it is. */
  Optional<RejectedMedia> rejection() {
    return rejection.map(r -> new RejectedMedia(index, offered.mid(), offered.media(), r));
  }

  /** A rejected section for the answer (RFC 3264 §6): port 0, one offered format, the mid. */
  MediaDescription rejectedSection() {
    String format = offered.formats().getFirst();
    List<Codec> codecs = offered.isRtp()
        ? List.of(new Codec(Integer.parseInt(format), "", 0, 0, Map.of(), List.of()))
        : List.of();
    return new MediaDescription(offered.media(), 0, 0, offered.proto(), List.of(format),
        Optional.of(Connection.of("0.0.0.0")), offered.mid(), Direction.INACTIVE, false, false,
        TransportAttributes.NONE, codecs, List.of(), List.of(), List.of(), List.of(), List.of(),
        Optional.empty(), List.of());
  }

  /** Answers an accepted section. */
  Accepted accept(Context context) {
    MediaType kind = MediaType.of(offered.media()).orElseThrow();
    Direction direction = offered.direction().mirrored();
    List<ExtMap> extensions = offered.extmaps().stream()
        .filter(e -> context.capabilities().extensions(kind).contains(e.uri()))
        .map(e -> new ExtMap(e.id(), e.direction().map(Direction::mirrored), e.uri(), ""))
        .toList();
    boolean ridAccepted =
        extensions.stream().anyMatch(e -> e.uri().equals(ExtMap.SDES_RTP_STREAM_ID));
    Set<Integer> pts = codecs.answerCodecs().stream().map(Codec::payloadType)
        .collect(Collectors.toSet());
    SimulcastAnswer.Result simulcast =
        SimulcastAnswer.answer(offered, pts, ridAccepted, direction);
    SendStreams send = direction.sends()
        ? SendStreams.allocate(context, kind.value() + index, hasRtx())
        : SendStreams.NONE;
    NegotiatedMedia media = new NegotiatedMedia(index, offered.mid().orElseThrow(), kind,
        direction, codecs.negotiated(), extensions, offered.rtcpRsize(), remoteSsrcs(),
        offered.ssrcGroups(), simulcast.remoteRids(), offered.msids().stream().findFirst(),
        send.ssrc(), send.rtxSsrc());
    List<String> formats = codecs.answerCodecs().stream()
        .map(c -> Integer.toString(c.payloadType())).toList();
    MediaDescription section = new MediaDescription(offered.media(), context.port(), 0, PROTO,
        formats, context.connection(), offered.mid(), direction, true, offered.rtcpRsize(),
        context.transport(), codecs.answerCodecs(), extensions, send.msids(), send.attributes(),
        send.groups(), simulcast.rids(), simulcast.simulcast(), List.of());
    return new Accepted(section, media);
  }

  private boolean hasRtx() {
    return codecs.negotiated().stream().anyMatch(c -> c.rtxPayloadType().isPresent());
  }

  private List<Long> remoteSsrcs() {
    List<Long> ssrcs = new ArrayList<>();
    offered.ssrcs().stream().map(SsrcAttribute::ssrc).distinct().forEach(ssrcs::add);
    return ssrcs;
  }
}
