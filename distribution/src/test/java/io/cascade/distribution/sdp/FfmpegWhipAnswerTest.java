// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ffmpeg's WHIP muxer: setup passive, H.264 and Opus, no feedback, no extensions, no RTX. */
class FfmpegWhipAnswerTest {

  @Test
  void weAreTheDtlsClientBecauseFfmpegOffersPassive() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.FFMPEG_WHIP);
    assertThat(negotiation.dtlsRole()).isEqualTo(DtlsRole.CLIENT);
    assertThat(negotiation.remote().setup()).isEqualTo(Setup.PASSIVE);
    assertThat(Samples.parse(negotiation.answerText()).media())
        .allSatisfy(m -> assertThat(m.transport().setup()).contains(Setup.ACTIVE));
  }

  @Test
  void acceptsH264AndOpusWithoutFeedbackOrExtensions() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.FFMPEG_WHIP);
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(negotiation.rejected()).isEmpty();
    assertThat(answer.media().get(0).codecs()).containsExactly(new Codec(111, "opus", 48000, 2,
        Map.of("minptime", "10", "useinbandfec", "1"), List.of()));
    assertThat(answer.media().get(1).codecs()).containsExactly(new Codec(106, "H264", 90000, 0,
        Map.of("level-asymmetry-allowed", "1", "packetization-mode", "1",
            "profile-level-id", "42e01f"), List.of()));
    assertThat(answer.media()).allSatisfy(m -> assertThat(m.extmaps()).isEmpty());
    assertThat(answer.media().get(0).rtcpRsize()).isFalse();
    assertThat(answer.media().get(1).rtcpRsize()).isTrue();
    NegotiatedMedia video = negotiation.media("1").orElseThrow();
    assertThat(video.codecs()).extracting(NegotiatedCodec::rtxPayloadType)
        .containsExactly(Optional.empty());
    assertThat(video.remoteSsrcs()).containsExactly(2729347301L);
    assertThat(video.remoteMsid()).contains(new Msid("FFmpeg", "video"));
    assertThat(negotiation.remote().iceUfrag()).isEqualTo("4f2a9c1e");
    assertThat(negotiation.remote().icePwd()).isEqualTo("9b1c7e3a5d2f4e6081a3c5e7092b4d6f");
  }

  @Test
  void highProfileFromLibx264IsRejectedAndAudioStillFlows() throws SdpNegotiationException {
    String offer = Samples.text(Samples.FFMPEG_WHIP).replace("profile-level-id=42e01f",
        "profile-level-id=64001f");
    Negotiation negotiation = Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
    assertThat(negotiation.media()).extracting(NegotiatedMedia::mid).containsExactly("0");
    assertThat(negotiation.rejected()).singleElement().satisfies(r -> {
      assertThat(r.mid()).contains("1");
      assertThat(r.reason()).isEqualTo("no codec in common; offered H264");
    });
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.bundle()).contains(new Group("BUNDLE", List.of("0")));
    MediaDescription rejected = answer.media().get(1);
    assertThat(rejected.port()).isZero();
    assertThat(rejected.mid()).contains("1");
    assertThat(rejected.formats()).containsExactly("106");
    assertThat(rejected.transport()).isEqualTo(TransportAttributes.NONE);
    assertThat(negotiation.answerText()).endsWith("m=video 0 UDP/TLS/RTP/SAVPF 106\r\n"
        + "c=IN IP4 0.0.0.0\r\na=mid:1\r\na=inactive\r\n").doesNotContain("a=rtpmap:106");
  }

  @Test
  void lowerOfferedLevelWithoutAsymmetryIsAnsweredAtTheOfferedLevel()
      throws SdpNegotiationException {
    String offer = Samples.text(Samples.FFMPEG_WHIP).replace(
        "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "packetization-mode=1;profile-level-id=42e015");
    Negotiation negotiation = Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
    Codec h264 = negotiation.media("1").orElseThrow().preferredCodec().codec();
    assertThat(h264.parameters()).containsExactly(Map.entry("packetization-mode", "1"),
        Map.entry("profile-level-id", "42e015"));
  }
}
