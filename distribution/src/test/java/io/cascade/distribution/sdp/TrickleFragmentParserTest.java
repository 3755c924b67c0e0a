// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WHIP/WHEP PATCH bodies: {@code application/trickle-ice-sdpfrag} (RFC 8840 §9). */
class TrickleFragmentParserTest {

  private static TrickleFragment parse(String text) throws SdpParseException {
    return TrickleFragmentParser.DEFAULT.parse(text);
  }

  @Test
  void rfc8840Shape() throws SdpParseException {
    TrickleFragmentParser.Result result =
        TrickleFragmentParser.DEFAULT.parseDetailed(Samples.text("trickle-rfc8840.sdpfrag"));
    TrickleFragment fragment = result.fragment();
    assertThat(result.skippedLines()).as("a=group is not an ICE line").isEqualTo(1);
    assertThat(fragment.session().iceOptions()).containsExactly("trickle", "ice2");
    assertThat(fragment.media()).hasSize(1);
    TrickleFragment.Section section = fragment.media().getFirst();
    assertThat(section.mid()).contains("0");
    assertThat(fragment.iceUfrag()).contains("Zq3f");
    assertThat(fragment.icePwd()).contains("p7Tq8xJ1lLxkV0mC3rSe9YbN");
    assertThat(fragment.candidates()).extracting(Candidate::address)
        .containsExactly("192.0.2.1", "198.51.100.2");
    assertThat(fragment.candidates().getFirst().extensions()).containsEntry("ufrag", "Zq3f");
    assertThat(fragment.endOfCandidates()).isTrue();
  }

  @Test
  void midWithoutMLinesOpensSections() throws SdpParseException {
    TrickleFragment fragment = parse(Samples.text("trickle-without-m-lines.sdpfrag"));
    assertThat(fragment.session().iceUfrag()).contains("Zq3f");
    assertThat(fragment.media()).extracting(TrickleFragment.Section::mid)
        .containsExactly(Optional.of("0"), Optional.of("1"));
    assertThat(fragment.media().get(0).transport().candidates()).singleElement()
        .extracting(Candidate::type).isEqualTo("srflx");
    assertThat(fragment.media().get(1).transport().endOfCandidates()).isTrue();
  }

  @Test
  void fragmentsRoundTrip() throws SdpParseException {
    for (String name : List.of("trickle-rfc8840.sdpfrag", "trickle-without-m-lines.sdpfrag")) {
      TrickleFragment first = parse(Samples.text(name));
      String encoded = first.encode();
      assertThat(parse(encoded)).as(name).isEqualTo(first);
      assertThat(parse(encoded).encode()).as(name).isEqualTo(encoded);
    }
    assertThat(parse("a=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\n").candidates())
        .as("a candidate before any section is kept at session level").hasSize(1);
  }

  @Test
  void endOfCandidatesAlone() throws SdpParseException {
    TrickleFragment fragment = parse("a=end-of-candidates\r\n");
    assertThat(fragment.endOfCandidates()).isTrue();
    assertThat(fragment.candidates()).isEmpty();
    assertThat(fragment.iceUfrag()).isEmpty();
  }

  @Test
  void iceRestartCredentialsMustBeWellFormed() {
    assertThatThrownBy(() -> parse("a=ice-ufrag:Zq3f\r\na=ice-pwd:short\r\n"))
        .isInstanceOf(SdpParseException.class).hasMessage(
            "line 2 (a=ice-pwd): must be 22-256 characters of ALPHA, DIGIT, '+' and '/'");
    assertThatThrownBy(() -> parse("m=audio 9 RTP/AVP 0\r\na=mid:0\r\na=mid:1\r\n"))
        .hasMessageContaining("a second a=mid");
    assertThatThrownBy(() -> parse("a=mid:\r\n")).hasMessageContaining("a=mid");
    assertThatThrownBy(() -> parse("a=candidate:1\n".repeat(20_000)))
        .hasMessageContaining("allowed");
  }

  @Test
  void badCandidatesAreSkippedAndCounted() throws SdpParseException {
    TrickleFragmentParser.Result result = TrickleFragmentParser.DEFAULT.parseDetailed(
        "a=mid:0\r\na=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\na=candidate:nonsense\r\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(result.fragment().candidates()).hasSize(1);
    assertThat(result.skippedLines()).isEqualTo(1);
    assertThat(result.firstSkipped().getFirst().line()).isEqualTo(3);
    assertThat(result.firstSkipped().getFirst().field()).isEqualTo("a=candidate");
  }
}
