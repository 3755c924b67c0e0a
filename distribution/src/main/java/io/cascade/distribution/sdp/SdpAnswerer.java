// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Answers a remote offer as an ICE-lite, DTLS, BUNDLE-only server endpoint (RFC 3264 §6; JSEP,
 * RFC 8829 §5.3.1). The offer comes from a browser or ffmpeg in a WHIP request
 * (sendonly media) or a WHEP request (recvonly), or later a call (sendrecv).
 *
 * <p>The answer:
 *
 * <ul>
 *   <li>has one m= section per offered one, same order, same mids (RFC 3264 §6); each section is
 *       accepted or rejected as {@link MediaSectionAnswerer} says, rejected ones with port 0;
 *   <li>bundles the accepted mids, in order, when the offer had a BUNDLE group (RFC 8843 §7.3);
 *       the first accepted section is the tagged one. Without a group only the first acceptable
 *       section is accepted, since there is one transport;
 *   <li>says {@code a=ice-lite} at session level (RFC 8839 §5.3) and gives every accepted section
 *       the same ICE credentials, fingerprint, setup and candidates, with end-of-candidates, and
 *       the default candidate's port: BUNDLE needs them only once (RFC 8843 §7.3), but identical
 *       copies in each section, as Chromium's and pion's answers carry, suit clients that read
 *       whichever section they look at first (ffmpeg reads the first {@code a=ice-ufrag});
 *   <li>takes the DTLS server role ({@code setup:passive}) unless the offer is {@code passive}
 *       (ffmpeg), when it takes the client role ({@link DtlsRole#answering});
 *   <li>mirrors each section's direction, keeps the offerer's payload types and extension ids,
 *       and answers simulcast as {@link SimulcastAnswer} says.
 * </ul>
 *
 * <p>The whole offer is refused with a typed {@link SdpNegotiationException} when the peer is
 * ICE-lite, when no section can be accepted, or when the transport section lacks ICE credentials
 * or a SHA-256-or-stronger fingerprint.
 */
public final class SdpAnswerer {
  private final MediaCapabilities capabilities;
  private final RandomGenerator random;

  /**
   * @param capabilities what this server supports
   * @param random the source of the answer's session id and of SSRCs (a seeded one in tests);
   *     the answerer is as thread-safe as this is ({@code SecureRandom} is, {@code
   *     SplittableRandom} is not)
   */
  public SdpAnswerer(MediaCapabilities capabilities, RandomGenerator random) {
    this.capabilities = capabilities;
    this.random = random;
  }

  /** Answers {@code offer} for {@code local}. */
  public Negotiation answer(SessionDescription offer, LocalEndpoint local)
      throws SdpNegotiationException {
    if (offer.iceLite()) {
      throw new SdpNegotiationException(SdpNegotiationException.Reason.ICE_LITE_PEER,
          "the offer is ICE-lite too; two lite agents never check connectivity (RFC 8445 §2.5)");
    }
    List<MediaSectionAnswerer> sections = decide(offer);
    MediaSectionAnswerer tagged = sections.stream().filter(s -> s.rejection().isEmpty())
        .findFirst().orElseThrow(() -> noMedia(sections));
    int taggedIndex = sections.indexOf(tagged);
    RemoteTransport remote = remoteTransport(offer, offer.media().get(taggedIndex));
    DtlsRole role = DtlsRole.answering(remote.setup());
    MediaSectionAnswerer.Context context = context(offer, local, role);
    List<MediaDescription> answerSections = new ArrayList<>();
    List<NegotiatedMedia> accepted = new ArrayList<>();
    List<RejectedMedia> rejected = new ArrayList<>();
    for (MediaSectionAnswerer section : sections) {
      if (section.rejection().isPresent()) {
        rejected.add(section.rejection().get());
        answerSections.add(section.rejectedSection());
      } else {
        MediaSectionAnswerer.Accepted answer = section.accept(context);
        accepted.add(answer.media());
        answerSections.add(answer.section());
      }
    }
    SessionDescription answer = session(offer, accepted, answerSections);
    return new Negotiation(answer, accepted, rejected, remote, role);
  }

  /** Runs every section's checks; without a BUNDLE group only the first acceptable one stays. */
  private List<MediaSectionAnswerer> decide(SessionDescription offer) {
    Optional<Group> bundle = offer.bundle();
    List<MediaSectionAnswerer> sections = new ArrayList<>();
    boolean oneAccepted = false;
    for (int i = 0; i < offer.media().size(); i++) {
      MediaDescription media = offer.media().get(i);
      MediaSectionAnswerer section = new MediaSectionAnswerer(i, media, bundle, capabilities);
      if (bundle.isEmpty() && oneAccepted && section.rejection().isEmpty()) {
        section = MediaSectionAnswerer.unbundled(i, media);
      }
      oneAccepted |= section.rejection().isEmpty();
      sections.add(section);
    }
    return sections;
  }

  private static SdpNegotiationException noMedia(List<MediaSectionAnswerer> sections) {
    List<String> reasons = sections.stream()
        .map(s -> s.rejection().orElseThrow().describe()).toList();
    return new SdpNegotiationException(SdpNegotiationException.Reason.NO_ACCEPTABLE_MEDIA,
        "no media section can be accepted"
            + (reasons.isEmpty() ? ": the offer has none" : ": " + String.join("; ", reasons)));
  }

  /** The peer's transport from the tagged section over the session level (RFC 8843 §7.3.1). */
  private static RemoteTransport remoteTransport(SessionDescription offer,
      MediaDescription tagged) throws SdpNegotiationException {
    TransportAttributes t = tagged.transportOver(offer);
    if (t.iceUfrag().isEmpty() || t.icePwd().isEmpty()) {
      throw new SdpNegotiationException(SdpNegotiationException.Reason.ICE_CREDENTIALS,
          "mid " + tagged.mid().orElse("?") + " has no a=ice-ufrag and a=ice-pwd (RFC 8839 §5.4)");
    }
    List<Fingerprint> usable = t.fingerprints().stream().filter(Fingerprint::isVerifiable)
        .sorted(Comparator.comparingInt(f -> Fingerprint.VERIFIABLE.indexOf(f.hashFunction())))
        .toList();
    if (usable.isEmpty()) {
      throw new SdpNegotiationException(SdpNegotiationException.Reason.FINGERPRINT,
          "mid " + tagged.mid().orElse("?") + " has no a=fingerprint with sha-256, sha-384 or"
              + " sha-512 (RFC 8122 §5, RFC 8827 §6.5)");
    }
    return new RemoteTransport(t.iceUfrag().get(), t.icePwd().get(), t.iceOptions(), usable,
        t.setup().orElse(Setup.ACTIVE), tagged.transport().candidates());
  }

  private MediaSectionAnswerer.Context context(SessionDescription offer, LocalEndpoint local,
      DtlsRole role) {
    TransportAttributes transport = TransportAttributes.of(local.iceUfrag(), local.icePwd(),
        local.fingerprint(), role.setup(), local.candidates());
    Optional<Candidate> preferred = local.candidates().stream().filter(Candidate::isUdp)
        .findFirst();
    return new MediaSectionAnswerer.Context(local, transport,
        Optional.of(Connection.of(preferred.map(Candidate::address).orElse("0.0.0.0"))),
        preferred.map(Candidate::port).orElse(9), capabilities,
        new SsrcAllocator(random, offer));
  }

  /** RFC 8829 §5.3.1: {@code o=- <random> 2 IN IP4 127.0.0.1}, {@code s=-}, {@code t=0 0}. */
  private SessionDescription session(SessionDescription offer, List<NegotiatedMedia> accepted,
      List<MediaDescription> sections) {
    String sessionId = Long.toString(random.nextLong() & Long.MAX_VALUE);
    Origin origin = new Origin("-", sessionId, "2", "IN", "IP4", "127.0.0.1");
    List<Group> groups = offer.bundle().isPresent()
        ? List.of(new Group(Group.BUNDLE, accepted.stream().map(NegotiatedMedia::mid).toList()))
        : List.of();
    return new SessionDescription(origin, "-", Optional.empty(), Timing.UNBOUNDED, groups, true,
        offer.extmapAllowMixed(), offer.msidSemantic().map(s -> "WMS"),
        TransportAttributes.NONE, Optional.empty(), List.of(), sections);
  }
}
