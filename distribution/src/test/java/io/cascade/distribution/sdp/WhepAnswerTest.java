// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A WHEP viewer's recvonly offer: we answer sendonly and announce what we send. */
class WhepAnswerTest {

  @Test
  void answersSendonlyWithOurStreams() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.CHROME_WHEP);
    SessionDescription answer = Samples.parse(negotiation.answerText());
    assertThat(answer.media()).extracting(MediaDescription::direction)
        .containsExactly(Direction.SENDONLY, Direction.SENDONLY);
    assertThat(answer.bundle()).contains(new Group("BUNDLE", List.of("0", "1")));

    NegotiatedMedia audio = negotiation.media("0").orElseThrow();
    assertThat(audio.localSsrc()).isPresent();
    assertThat(audio.localRtxSsrc()).as("no RTX for Opus").isEmpty();
    MediaDescription audioSection = answer.media().get(0);
    assertThat(audioSection.msids()).containsExactly(new Msid("cascade-stream", "audio0"));
    assertThat(audioSection.ssrcs()).containsExactly(
        new SsrcAttribute(audio.localSsrc().get(), "cname", "cascade"),
        new SsrcAttribute(audio.localSsrc().get(), "msid", "cascade-stream audio0"));
    assertThat(audioSection.ssrcGroups()).isEmpty();

    NegotiatedMedia video = negotiation.media("1").orElseThrow();
    MediaDescription videoSection = answer.media().get(1);
    assertThat(videoSection.ssrcGroups()).containsExactly(new SsrcGroup("FID",
        List.of(video.localSsrc().orElseThrow(), video.localRtxSsrc().orElseThrow())));
    assertThat(videoSection.ssrcs()).extracting(SsrcAttribute::ssrc).containsExactly(
        video.localSsrc().get(), video.localSsrc().get(), video.localRtxSsrc().get(),
        video.localRtxSsrc().get());
    assertThat(List.of(audio.localSsrc().get(), video.localSsrc().get(),
        video.localRtxSsrc().get())).doesNotHaveDuplicates().doesNotContain(0L);
    assertThat(videoSection.simulcast()).isEmpty();
    assertThat(video.remoteSsrcs()).isEmpty();
  }

  @Test
  void sameSeedSameAnswer() throws SdpNegotiationException {
    assertThat(Samples.answer(Samples.CHROME_WHEP).answerText())
        .isEqualTo(Samples.answer(Samples.CHROME_WHEP).answerText());
  }

  @Test
  void offerWithoutCandidatesStillAnswers() throws SdpNegotiationException {
    Negotiation negotiation = Samples.answer(Samples.CHROME_WHEP);
    assertThat(negotiation.remote().candidates()).isEmpty();
    assertThat(negotiation.remote().trickle()).isTrue();
    assertThat(negotiation.remote().iceUfrag()).isEqualTo("hQ4x");
  }

  @Test
  void sendrecvIsMirroredAsSendrecv() throws SdpNegotiationException {
    String offer = Samples.text(Samples.CHROME_WHIP).replace("a=sendonly", "a=sendrecv");
    Negotiation negotiation =
        Samples.answerer().answer(Samples.parse(offer), Samples.LOCAL);
    assertThat(negotiation.media()).extracting(NegotiatedMedia::direction)
        .containsExactly(Direction.SENDRECV, Direction.SENDRECV);
    NegotiatedMedia video = negotiation.media("1").orElseThrow();
    assertThat(video.localSsrc()).isPresent();
    assertThat(video.remoteRids()).containsExactly("q", "h", "f");
    assertThat(negotiation.media("0").orElseThrow().localSsrc())
        .isNotEqualTo(Optional.of(3735928559L));
  }
}
