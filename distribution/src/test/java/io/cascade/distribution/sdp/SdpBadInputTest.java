// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input the parser must refuse as a whole, with the line and field named. */
class SdpBadInputTest {
  private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private static SdpParseException refused(String sdp) {
    try {
      SdpParser.DEFAULT.parse(sdp);
    } catch (SdpParseException e) {
      return e;
    }
    throw new AssertionError("parsed: " + sdp);
  }

  @Test
  void mLineMissingFieldsNamesTheField() {
    assertThat(refused(HEAD + "m=audio\r\n")).satisfies(e -> {
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.field()).isEqualTo("m=");
      assertThat(e.problem()).isEqualTo("missing <port>");
      assertThat(e.getMessage()).isEqualTo("line 5 (m=): missing <port>");
    });
    assertThat(refused(HEAD + "m=audio 9\r\n").problem()).isEqualTo("missing <proto>");
    assertThat(refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n").problem())
        .isEqualTo("missing <fmt>");
  }

  @Test
  void mLineWithBadValues() {
    assertThat(refused(HEAD + "m=audio 70000 UDP/TLS/RTP/SAVPF 111\r\n").problem())
        .contains("70000 is outside 0-65535");
    assertThat(refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 128\r\n").problem())
        .contains("128 is outside 0-127");
    assertThat(refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111 111\r\n").problem())
        .contains("listed twice");
    assertThat(refused(HEAD + "m=audio 9 UDP//SAVPF 111\r\n").problem()).contains("<proto>");
    assertThat(refused(HEAD + "m=audio -1 UDP/TLS/RTP/SAVPF 111\r\n").field()).isEqualTo("m=");
  }

  @Test
  void firstLineMustBeVersionZero() {
    assertThat(refused("").problem()).isEqualTo("empty description");
    assertThat(refused("\r\n\r\n").problem()).isEqualTo("empty description");
    assertThat(refused("v=1\r\n").field()).isEqualTo("v=");
    assertThat(refused("o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n").line()).isEqualTo(1);
    assertThat(refused("{\"type\":\"offer\",\"sdp\":\"v=0\"}").field()).isEqualTo("v=");
  }

  @Test
  void absurdSizes() {
    SdpParseException big = refused("v=0\r\n" + "a=x\r\n".repeat(20_000));
    assertThat(big.line()).isZero();
    assertThat(big.field()).isEqualTo("document");
    assertThat(big.problem()).contains("more than the 65536 allowed");
    assertThat(refused(HEAD + "a=" + "x".repeat(5000) + "\r\n").problem())
        .isEqualTo("longer than 4096 characters");
    assertThat(refused("v=0\n" + "\n".repeat(5000)).problem()).isEqualTo("more than 4096 lines");
    assertThat(refused(HEAD + "m=audio 9 RTP/AVP 0\r\n".repeat(65)).problem())
        .isEqualTo("more than 64 media sections");
    // Multi-byte characters count as bytes, not chars.
    assertThat(refused("v=0\r\ni=" + "\u20AC".repeat(22_000) + "\r\n").field())
        .isEqualTo("document");
  }

  @Test
  void badFingerprintHex() {
    String m = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    String good = "AB:".repeat(31) + "AB";
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256 " + good.replace("AB:AB:AB", "AB:AG:AB")
        + "\r\n")).satisfies(e -> {
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.field()).isEqualTo("a=fingerprint");
          assertThat(e.problem()).contains("'G' at position 5").contains("a hex digit");
        });
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256 " + good.replace(':', '-') + "\r\n")
        .problem()).contains("expected ':'");
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256 AB:CD\r\n").problem())
        .isEqualTo("sha-256 fingerprint has 2 bytes, expected 32");
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256 ABC:D\r\n").problem())
        .isEqualTo("fingerprint has 'C' at position 3, expected ':'");
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256 ABCD\r\n").problem())
        .contains("not colon-separated hex pairs");
    assertThat(refused(HEAD + m + "a=fingerprint:sha-256\r\n").problem())
        .contains("expected '<hash-func> <fingerprint>'");
    assertThat(refused(HEAD + "a=fingerprint:sha-256 " + good + ":\r\n").line()).isEqualTo(5);
  }

  @Test
  void duplicateMids() {
    SdpParseException e = refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.field()).isEqualTo("a=mid");
    assertThat(e.problem()).isEqualTo("mid '0' is already used on line 6");
    assertThat(refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=mid:1\r\n")
        .problem()).isEqualTo("a second a=mid in one media section");
    assertThat(refused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:\r\n").field())
        .isEqualTo("a=mid");
  }

  @Test
  void securityRelevantAttributesMustBeWellFormed() {
    String m = HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    assertThat(refused(m + "a=ice-ufrag:ab\r\n").problem()).contains("must be 4-256");
    assertThat(refused(m + "a=ice-ufrag:ab:cd\r\n").field()).isEqualTo("a=ice-ufrag");
    assertThat(refused(m + "a=ice-pwd:tooShort\r\n").field()).isEqualTo("a=ice-pwd");
    assertThat(refused(m + "a=ice-ufrag:abcd\r\na=ice-ufrag:efgh\r\n").problem())
        .isEqualTo("appears twice at one level");
    assertThat(refused(m + "a=setup:client\r\n").problem()).isEqualTo("unknown role 'client'");
    assertThat(refused(m + "a=setup:active\r\na=setup:passive\r\n").field()).isEqualTo("a=setup");
    assertThat(refused(HEAD + "a=group:BUNDLE 0 {1\r\n".replace("{", "\"")).field())
        .isEqualTo("a=group");
  }
}
