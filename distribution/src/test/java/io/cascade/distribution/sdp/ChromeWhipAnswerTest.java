// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answer to Chromium's WHIP offer (sendonly audio and simulcast video), field by field. */
class ChromeWhipAnswerTest {
  private static Negotiation negotiation;
  private static SessionDescription answer;

  @BeforeAll
  static void answer() throws SdpNegotiationException {
    negotiation = Samples.answer(Samples.CHROME_WHIP);
    answer = Samples.parse(negotiation.answerText());
  }

  @Test
  void sessionLevel() {
    assertThat(answer.iceLite()).isTrue();
    assertThat(answer.bundle()).contains(new Group("BUNDLE", List.of("0", "1")));
    assertThat(answer.extmapAllowMixed()).isTrue();
    assertThat(answer.origin().username()).isEqualTo("-");
    assertThat(answer.origin().sessionVersion()).isEqualTo("2");
    assertThat(answer.timing()).isEqualTo(Timing.UNBOUNDED);
    assertThat(answer.media()).extracting(MediaDescription::mid)
        .containsExactly(Optional.of("0"), Optional.of("1"));
    assertThat(negotiation.rejected()).isEmpty();
  }

  @Test
  void everySectionCarriesOurTransport() {
    for (MediaDescription media : answer.media()) {
      TransportAttributes t = media.transport();
      assertThat(t.iceUfrag()).contains("srvU");
      assertThat(t.icePwd()).contains("serverPassword0123456789");
      assertThat(t.setup()).contains(Setup.PASSIVE);
      assertThat(t.fingerprints()).containsExactly(Samples.LOCAL_FINGERPRINT);
      assertThat(t.candidates()).containsExactly(Samples.LOCAL_CANDIDATE);
      assertThat(t.endOfCandidates()).isTrue();
      assertThat(media.port()).isEqualTo(40000);
      assertThat(media.connection()).contains(new Connection("IN", "IP4", "192.0.2.10"));
      assertThat(media.rtcpMux()).isTrue();
      assertThat(media.direction()).isEqualTo(Direction.RECVONLY);
      assertThat(media.ssrcs()).as("we send nothing").isEmpty();
    }
    assertThat(negotiation.dtlsRole()).isEqualTo(DtlsRole.SERVER);
  }

  @Test
  void audioKeepsOpusOnly() {
    MediaDescription audio = answer.media().get(0);
    assertThat(audio.formats()).containsExactly("111");
    assertThat(audio.codecs()).containsExactly(new Codec(111, "opus", 48000, 2,
        Map.of("minptime", "10", "useinbandfec", "1"), List.of(RtcpFeedback.TRANSPORT_CC)));
    assertThat(audio.extmaps()).extracting(ExtMap::id).containsExactly(1, 2, 3, 4);
    assertThat(audio.rtcpRsize()).isTrue();
    NegotiatedMedia media = negotiation.media("0").orElseThrow();
    assertThat(media.kind()).isEqualTo(MediaType.AUDIO);
    assertThat(media.direction()).isEqualTo(Direction.RECVONLY);
    assertThat(media.remoteSsrcs()).containsExactly(3735928559L);
    assertThat(media.extensionId(ExtMap.SSRC_AUDIO_LEVEL)).contains(1);
    assertThat(media.localSsrc()).isEmpty();
  }

  @Test
  void videoKeepsVp8AndH264PacketizationMode1WithTheirRtx() {
    MediaDescription video = answer.media().get(1);
    // The offerer's payload types, in its order; VP9, AV1, RED, ulpfec and mode 0 are dropped.
    assertThat(video.formats()).containsExactly("96", "97", "102", "103", "106", "107", "127",
        "125");
    assertThat(video.codec(96).orElseThrow().feedback()).containsExactly(
        RtcpFeedback.TRANSPORT_CC, RtcpFeedback.CCM_FIR, RtcpFeedback.NACK, RtcpFeedback.NACK_PLI);
    assertThat(video.codec(102).orElseThrow().parameters()).containsExactly(
        Map.entry("level-asymmetry-allowed", "1"), Map.entry("packetization-mode", "1"),
        Map.entry("profile-level-id", "42001f"));
    assertThat(video.codec(106).orElseThrow().parameter("profile-level-id")).contains("42e01f");
    assertThat(video.codec(127).orElseThrow().parameter("profile-level-id")).contains("4d001f");
    assertThat(video.codec(125).orElseThrow().parameters()).containsExactly(
        Map.entry("apt", "127"));
    NegotiatedMedia media = negotiation.media("1").orElseThrow();
    assertThat(media.codecs()).extracting(NegotiatedCodec::payloadType)
        .containsExactly(96, 102, 106, 127);
    assertThat(media.codecs()).extracting(NegotiatedCodec::rtxPayloadType).containsExactly(
        Optional.of(97), Optional.of(103), Optional.of(107), Optional.of(125));
    assertThat(media.preferredCodec().codec().name()).isEqualTo("VP8");
    assertThat(media.codec(96).orElseThrow().hasFeedback(RtcpFeedback.GOOG_REMB)).isFalse();
  }

  @Test
  void videoExtensionsKeepTheOfferedIds() {
    NegotiatedMedia media = negotiation.media("1").orElseThrow();
    assertThat(media.extensions()).extracting(ExtMap::uri).containsExactly(ExtMap.ABS_SEND_TIME,
        ExtMap.TRANSPORT_WIDE_CC, ExtMap.SDES_MID, ExtMap.SDES_RTP_STREAM_ID,
        ExtMap.SDES_REPAIRED_RTP_STREAM_ID);
    assertThat(media.extensionId(ExtMap.SDES_MID)).contains(4);
    assertThat(media.extensionId(ExtMap.SDES_RTP_STREAM_ID)).contains(10);
    assertThat(media.extensionId(ExtMap.SDES_REPAIRED_RTP_STREAM_ID)).contains(11);
    assertThat(media.extensionId("urn:ietf:params:rtp-hdrext:toffset")).isEmpty();
  }

  @Test
  void simulcastIsAnsweredRecv() {
    MediaDescription video = answer.media().get(1);
    assertThat(video.simulcast()).contains(new Simulcast(List.of(), List.of(
        List.of(new Simulcast.Id("q", false)), List.of(new Simulcast.Id("h", false)),
        List.of(new Simulcast.Id("f", false)))));
    assertThat(video.rids()).containsExactly(RidDescription.of("q", RidDirection.RECV),
        RidDescription.of("h", RidDirection.RECV), RidDescription.of("f", RidDirection.RECV));
    assertThat(negotiation.answerText()).contains("a=rid:q recv\r\na=rid:h recv\r\na=rid:f recv"
        + "\r\na=simulcast:recv q;h;f\r\n");
    NegotiatedMedia media = negotiation.media("1").orElseThrow();
    assertThat(media.isSimulcast()).isTrue();
    assertThat(media.remoteRids()).containsExactly("q", "h", "f");
  }

  @Test
  void remoteTransportForTheIceLiteAgentAndDtls() {
    RemoteTransport remote = negotiation.remote();
    assertThat(remote.iceUfrag()).isEqualTo("Zq3f");
    assertThat(remote.icePwd()).isEqualTo("p7Tq8xJ1lLxkV0mC3rSe9YbN");
    assertThat(remote.trickle()).isTrue();
    assertThat(remote.setup()).isEqualTo(Setup.ACTPASS);
    assertThat(remote.fingerprints()).extracting(Fingerprint::value).containsExactly(
        "B4:1E:8F:6A:0C:37:D2:95:4E:11:A8:C3:7F:20:9B:5D:E6:44:0A:CF:83:2B:71:96:1D:E8:5C:3F:A0:47:BE:62");
    assertThat(remote.candidates()).hasSize(3);
    assertThat(remote.verifies("not the certificate".getBytes())).isFalse();
  }

  @Test
  void answerTextStartsLikeJsep() {
    assertThat(negotiation.answerText()).startsWith("v=0\r\no=- ")
        .contains("\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n")
        .contains("a=ice-lite\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 111\r\n")
        .doesNotContain("\n\n").endsWith("a=end-of-candidates\r\n");
  }
}
