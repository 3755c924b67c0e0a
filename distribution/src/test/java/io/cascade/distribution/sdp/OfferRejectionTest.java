// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sections the answer rejects with port 0, and offers it refuses with a typed error. */
class OfferRejectionTest {

  private static Negotiation answer(String offer) throws SdpNegotiationException {
    return Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
  }

  private static SdpNegotiationException refused(String offer) {
    try {
      answer(offer);
    } catch (SdpNegotiationException e) {
      return e;
    }
    throw new AssertionError("answered: " + offer);
  }

  @Test
  void offerWithoutRtcpMuxIsRefusedByName() {
    String offer = Samples.removeLines(Samples.text(Samples.FFMPEG_WHIP), "a=rtcp-mux");
    SdpNegotiationException e = refused(offer);
    assertThat(e.reason()).isEqualTo(SdpNegotiationException.Reason.NO_ACCEPTABLE_MEDIA);
    assertThat(e.getMessage()).isEqualTo("no media section can be accepted: "
        + "mid 0 (audio): no a=rtcp-mux; RTCP must share the transport (RFC 8858); "
        + "mid 1 (video): no a=rtcp-mux; RTCP must share the transport (RFC 8858)");
  }

  @Test
  void sectionWithoutRtcpMuxIsRejectedAndTheOtherAccepted() throws SdpNegotiationException {
    String offer = Samples.text(Samples.CHROME_WHIP);
    int video = offer.indexOf("m=video");
    offer = offer.substring(0, video) + offer.substring(video).replace("a=rtcp-mux\r\n", "");
    Negotiation negotiation = answer(offer);
    assertThat(negotiation.media()).extracting(NegotiatedMedia::mid).containsExactly("0");
    assertThat(negotiation.rejected()).extracting(RejectedMedia::describe).containsExactly(
        "mid 1 (video): no a=rtcp-mux; RTCP must share the transport (RFC 8858)");
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.media().get(1).port()).isZero();
    assertThat(answer.bundle()).contains(new Group("BUNDLE", List.of("0")));
  }

  @Test
  void iceLitePeerIsRefused() {
    String offer = Samples.text(Samples.CHROME_WHIP).replace("t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    assertThat(refused(offer).reason()).isEqualTo(SdpNegotiationException.Reason.ICE_LITE_PEER);
  }

  @Test
  void missingCredentialsAndFingerprintAreRefused() {
    String noPwd = Samples.removeLines(Samples.text(Samples.FFMPEG_WHIP),
        "a=ice-pwd:9b1c7e3a5d2f4e6081a3c5e7092b4d6f");
    assertThat(refused(noPwd).reason()).isEqualTo(SdpNegotiationException.Reason.ICE_CREDENTIALS);
    String fingerprint = "a=fingerprint:sha-256 3C:9D:52:E1:07:B8:4A:66:F0:2D:93:C5:18:7E:A4:0B:"
        + "D9:61:3F:C2:85:1A:E7:4B:20:96:5E:DB:73:08:AF:C1";
    String noFingerprint = Samples.removeLines(Samples.text(Samples.FFMPEG_WHIP), fingerprint);
    SdpNegotiationException e = refused(noFingerprint);
    assertThat(e.reason()).isEqualTo(SdpNegotiationException.Reason.FINGERPRINT);
    assertThat(e.getMessage()).contains("mid 0");
    String sha1 = Samples.text(Samples.FFMPEG_WHIP).replace(fingerprint,
        "a=fingerprint:sha-1 " + "AB:".repeat(19) + "AB");
    assertThat(refused(sha1).reason()).isEqualTo(SdpNegotiationException.Reason.FINGERPRINT);
  }

  @Test
  void holdconnIsRefused() {
    String offer = Samples.text(Samples.FFMPEG_WHIP).replace("a=setup:passive", "a=setup:holdconn");
    assertThat(refused(offer).reason()).isEqualTo(SdpNegotiationException.Reason.DTLS_SETUP);
  }

  @Test
  void missingSetupMeansActiveSoWeArePassive() throws SdpNegotiationException {
    String offer = Samples.removeLines(Samples.text(Samples.FFMPEG_WHIP), "a=setup:passive");
    assertThat(answer(offer).dtlsRole()).isEqualTo(DtlsRole.SERVER);
  }

  @Test
  void unservedSectionsAreRejectedEachWithItsReason() throws SdpNegotiationException {
    String offer = Samples.text(Samples.FFMPEG_WHIP).replace("a=group:BUNDLE 0 1",
        "a=group:BUNDLE 0 1 2 3")
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n"
        + "m=video 9 RTP/AVP 96\r\na=mid:3\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
        + "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\na=mid:4\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:5\r\na=rtcp-mux\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtcp-mux\r\n";
    Negotiation negotiation = answer(offer);
    assertThat(negotiation.rejected()).extracting(RejectedMedia::describe).containsExactly(
        "mid 2 (application): media 'application' is not served",
        "mid 3 (video): protocol RTP/AVP is not UDP/TLS/RTP/SAVPF",
        "mid 4 (audio): port 0 in the offer",
        "mid 5 (audio): not in the BUNDLE group; one transport is served",
        "m-line 6 (audio): no a=mid, which BUNDLE needs (RFC 8843 §7.2)");
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.media()).hasSize(7);
    assertThat(answer.media().subList(2, 7)).allSatisfy(m -> assertThat(m.port()).isZero());
    assertThat(answer.media().get(2).formats()).containsExactly("webrtc-datachannel");
    assertThat(answer.media().get(2).codecs()).isEmpty();
    assertThat(answer.bundle().orElseThrow().mids()).containsExactly("0", "1");
  }

  @Test
  void bundleOnlySectionsAreAccepted() throws SdpNegotiationException {
    int video = Samples.text(Samples.FFMPEG_WHIP).indexOf("m=video");
    String offer = Samples.text(Samples.FFMPEG_WHIP);
    offer = offer.substring(0, video) + offer.substring(video)
        .replace("m=video 9", "m=video 0").replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
    assertThat(answer(offer).media()).extracting(NegotiatedMedia::mid).containsExactly("0", "1");
  }

  @Test
  void withoutBundleOnlyTheFirstSectionGetsTheTransport() throws SdpNegotiationException {
    String offer = Samples.removeLines(Samples.text(Samples.FFMPEG_WHIP), "a=group:BUNDLE 0 1");
    Negotiation negotiation = answer(offer);
    assertThat(negotiation.media()).extracting(NegotiatedMedia::mid).containsExactly("0");
    assertThat(negotiation.rejected().getFirst().reason()).startsWith("no BUNDLE group");
    assertThat(negotiation.answer().groups()).isEmpty();
  }

  @Test
  void offerWithoutMediaIsRefused() {
    SdpNegotiationException e = refused("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    assertThat(e.reason()).isEqualTo(SdpNegotiationException.Reason.NO_ACCEPTABLE_MEDIA);
    assertThat(e.getMessage()).endsWith("the offer has none");
  }

  @Test
  void simulcastNeedsTheRidExtensionAndDescribedRids() throws SdpNegotiationException {
    String base = Samples.text(Samples.CHROME_WHIP);
    String noRidExtension = Samples.removeLines(base,
        "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
    NegotiatedMedia video = answer(noRidExtension).media("1").orElseThrow();
    assertThat(video.remoteRids()).isEmpty();
    String undescribed = Samples.removeLines(base, "a=rid:h send")
        .replace("a=simulcast:send q;h;f", "a=simulcast:send q;~h,f;x");
    Negotiation negotiation = answer(undescribed);
    assertThat(negotiation.media("1").orElseThrow().remoteRids()).containsExactly("q", "f");
    assertThat(negotiation.answerText()).contains("a=simulcast:recv q;f\r\n");
    String restricted = base.replace("a=rid:q send", "a=rid:q send pt=98,96;max-width=320")
        .replace("a=rid:h send", "a=rid:h send pt=45");
    negotiation = answer(restricted);
    assertThat(negotiation.media("1").orElseThrow().remoteRids()).containsExactly("q", "f");
    assertThat(negotiation.answerText()).contains("a=rid:q recv pt=96\r\na=rid:f recv\r\n");
  }

  @Test
  void theStrongestFingerprintDecides() throws SdpNegotiationException {
    byte[] certificate = "peer certificate".getBytes();
    Fingerprint sha256 = Fingerprint.sha256(certificate);
    String offer = Samples.text(Samples.FFMPEG_WHIP).replaceAll("a=fingerprint:sha-256 [0-9A-F:]+",
        "a=fingerprint:" + sha256.encode() + "\r\na=fingerprint:sha-512 " + "00:".repeat(63) + "00");
    Negotiation negotiation = answer(offer);
    assertThat(negotiation.remote().fingerprints()).extracting(Fingerprint::hashFunction)
        .containsExactly("sha-512", "sha-256");
    assertThat(negotiation.remote().verifies(certificate)).as("sha-512 does not match").isFalse();
    String only256 = Samples.text(Samples.FFMPEG_WHIP).replaceAll(
        "a=fingerprint:sha-256 [0-9A-F:]+", "a=fingerprint:" + sha256.encode());
    assertThat(answer(only256).remote().verifies(certificate)).isTrue();
    assertThatThrownBy(() -> new RemoteTransport("abcd", "a".repeat(22), List.of(), List.of(),
        Setup.ACTIVE, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
