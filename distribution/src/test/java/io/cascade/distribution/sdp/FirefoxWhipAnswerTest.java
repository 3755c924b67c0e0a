// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Firefox-style offers: other attribute order, session-level fingerprint, SSRC-signalled RTX. */
class FirefoxWhipAnswerTest {

  @Test
  void answersFromSessionLevelFingerprintAndMediaLevelCredentials()
      throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.FIREFOX_WHIP);
    assertThat(negotiation.dtlsRole()).isEqualTo(DtlsRole.SERVER);
    assertThat(negotiation.remote().fingerprints()).containsExactly(new Fingerprint("sha-256",
        "6D:9C:11:0E:B2:4F:87:3A:C5:D0:29:E4:71:8B:06:FA:53:C9:2E:14:A7:3D:98:60:BF:45:E2:1C:7A:D3:08:96"));
    assertThat(negotiation.remote().iceUfrag()).isEqualTo("1a2b3c4d");
    assertThat(negotiation.remote().trickle()).as("session-level ice-options").isTrue();
    assertThat(negotiation.remote().candidates()).extracting(Candidate::type)
        .containsExactly("host", "host", "srflx");
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.extmapAllowMixed()).as("not offered, not answered").isFalse();
  }

  @Test
  void audioKeepsOpusAndTheExtensionsWeKnow() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.FIREFOX_WHIP);
    NegotiatedMedia audio = negotiation.media("0").orElseThrow();
    assertThat(audio.codecs()).extracting(NegotiatedCodec::payloadType).containsExactly(109);
    assertThat(audio.preferredCodec().codec().parameters())
        .isEqualTo(Map.of("minptime", "10", "useinbandfec", "1"));
    // csrc-audio-level (2/recvonly) is not one of ours.
    assertThat(audio.extensions()).containsExactly(ExtMap.of(1, ExtMap.SSRC_AUDIO_LEVEL),
        ExtMap.of(3, ExtMap.SDES_MID));
    assertThat(audio.remoteSsrcs()).containsExactly(1143509417L);
  }

  @Test
  void videoKeepsVp8AndH264Mode1WithRtxAndTheFidGroup() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.FIREFOX_WHIP);
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.media().get(1).formats()).containsExactly("120", "124", "126", "127");
    NegotiatedMedia video = negotiation.media("1").orElseThrow();
    assertThat(video.codecs()).extracting(NegotiatedCodec::payloadType).containsExactly(120, 126);
    assertThat(video.codecs()).extracting(NegotiatedCodec::rtxPayloadType)
        .containsExactly(Optional.of(124), Optional.of(127));
    assertThat(video.codec(120).orElseThrow().codec().feedback()).containsExactly(
        RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR, RtcpFeedback.TRANSPORT_CC);
    assertThat(video.codec(126).orElseThrow().codec().parameter("profile-level-id"))
        .contains("42e01f");
    assertThat(video.remoteSsrcGroups()).containsExactly(
        new SsrcGroup("FID", List.of(2981624321L, 4129587630L)));
    assertThat(video.remoteSsrcs()).containsExactly(2981624321L, 4129587630L);
    assertThat(video.extensions()).extracting(ExtMap::id).containsExactly(3, 4, 7);
  }

  @Test
  void extmapDirectionIsMirrored() throws SdpNegotiationException {
    String offer = Samples.text(Samples.FIREFOX_WHIP).replace(
        "a=extmap:4 http://www.webrtc.org", "a=extmap:4/sendonly http://www.webrtc.org");
    Negotiation negotiation = Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
    assertThat(negotiation.media("1").orElseThrow().extensions().get(1))
        .isEqualTo(new ExtMap(4, Optional.of(Direction.RECVONLY), ExtMap.ABS_SEND_TIME, ""));
  }

  @Test
  void lowerCaseFingerprintHexIsAcceptedAndNormalised() throws SdpNegotiationException {
    String fingerprint =
        "6D:9C:11:0E:B2:4F:87:3A:C5:D0:29:E4:71:8B:06:FA:53:C9:2E:14:A7:3D:98:60:BF:45:E2:1C:7A:D3:08:96";
    String offer = Samples.text(Samples.FIREFOX_WHIP).replace(fingerprint,
        fingerprint.toLowerCase(java.util.Locale.ROOT));
    Negotiation negotiation = Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
    assertThat(negotiation.remote().fingerprints().getFirst().value()).isEqualTo(fingerprint);
  }
}
