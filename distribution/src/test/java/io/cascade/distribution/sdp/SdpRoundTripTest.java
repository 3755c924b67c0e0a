// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parse, write and parse again gives an equal description; writing is stable. */
class SdpRoundTripTest {

  @Test
  void samplesRoundTrip() {
    for (String name : Samples.OFFERS) {
      SessionDescription first = Samples.offer(name);
      String written = SdpWriter.write(first);
      SessionDescription second = Samples.parse(written);
      assertThat(second).as(name).isEqualTo(first);
      assertThat(SdpWriter.write(second)).as(name).isEqualTo(written);
    }
  }

  @Test
  void answersRoundTrip() throws SdpNegotiationException {
    for (String name : Samples.OFFERS) {
      Negotiation negotiation = Samples.answer(name);
      assertThat(Samples.parse(negotiation.answerText())).as(name)
          .isEqualTo(negotiation.answer());
    }
  }

  @Test
  void ffmpegOfferWritesBackByteForByte() {
    // ffmpeg writes its attributes in the order this writer uses, so nothing moves.
    String offer = Samples.text(Samples.FFMPEG_WHIP);
    assertThat(SdpWriter.write(Samples.parse(offer))).isEqualTo(offer);
  }

  @Test
  void writerEmitsCrlfAndExplicitDirections() {
    String written = SdpWriter.write(Samples.parse("v=0\nm=audio 9 RTP/AVP 0\n"));
    assertThat(written).isEqualTo("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        + "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\n");
    assertThat(SdpWriter.writeUtf8(Samples.parse(written))).isEqualTo(written.getBytes());
  }

  @Test
  void chromeOfferKeepsEveryLineItDoesNotInterpret() {
    String written = SdpWriter.write(Samples.offer(Samples.CHROME_WHIP));
    assertThat(written.split("a=rtcp:9 IN IP4 0.0.0.0", -1)).hasSize(3);
    assertThat(written.lines().count())
        .isEqualTo(Samples.text(Samples.CHROME_WHIP).lines().count());
  }
}
