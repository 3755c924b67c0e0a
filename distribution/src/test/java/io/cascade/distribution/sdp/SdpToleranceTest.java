// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Malformed lines the parser does not need are skipped and counted; unknown ones are kept. */
class SdpToleranceTest {
  private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";

  @Test
  void skipsAndCountsMalformedOptionalLines() throws SdpParseException {
    SdpParseResult result = SdpParser.DEFAULT.parseDetailed(HEAD + AUDIO
        + "a=rtpmap:111 opus\r\n"                 // no clock rate
        + "a=rtpmap:112 opus/48000/2\r\n"         // not on the m= line
        + "a=candidate:1 1 udp 1 192.0.2.1\r\n"   // too few fields
        + "a=extmap:0 urn:x\r\n"                  // id 0
        + "a=rid:q sideways\r\n"                  // bad direction
        + "a=simulcast:send\r\n"                  // no streams
        + "a=ssrc:x cname:y\r\n"                  // not a number
        + "a=rtcp-mux:yes\r\n"                    // a flag with a value
        + "garbage\r\n"                           // not <type>=<value>
        + "c=IN\r\n");                            // short connection line
    assertThat(result.skippedLines()).isEqualTo(10);
    assertThat(result.firstSkipped()).extracting(SdpParseException::line)
        .containsExactly(7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(result.firstSkipped()).extracting(SdpParseException::field)
        .containsExactly("a=rtpmap", "a=rtpmap", "a=candidate", "a=extmap", "a=rid",
            "a=simulcast", "a=ssrc", "a=rtcp-mux", "line", "c=");
    MediaDescription audio = result.description().media().getFirst();
    assertThat(audio.rtcpMux()).as("a skipped rtcp-mux reads as absent").isFalse();
    assertThat(audio.codecs().getFirst().name()).isEmpty();
    assertThat(audio.transport().candidates()).isEmpty();
  }

  @Test
  void keepsUnknownLinesInTheirSlots() throws SdpParseException {
    String sdp = HEAD + "a=x-session:1\r\nb=AS:2000\r\ni=info\r\n" + AUDIO
        + "a=x-unknown:yes\r\nb=TIAS:500000\r\na=rtcp:9 IN IP4 0.0.0.0\r\ni=title\r\n";
    SessionDescription parsed = SdpParser.DEFAULT.parse(sdp);
    assertThat(parsed.otherLines()).containsExactly("i=info", "b=AS:2000", "a=x-session:1");
    assertThat(parsed.media().getFirst().otherLines())
        .containsExactly("i=title", "b=TIAS:500000", "a=x-unknown:yes", "a=rtcp:9 IN IP4 0.0.0.0");
    String written = SdpWriter.write(parsed);
    assertThat(written).contains("s=-\r\ni=info\r\nt=0 0\r\n".replace("t=0 0", "b=AS:2000\r\nt=0 0"));
    assertThat(written).contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\ni=title\r\nb=TIAS:500000\r\n");
    assertThat(written).endsWith("a=x-unknown:yes\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
    assertThat(SdpParser.DEFAULT.parse(written)).isEqualTo(parsed);
  }

  @Test
  void toleratesBlanksCaseAndRepeats() throws SdpParseException {
    String good = "AB:".repeat(31) + "ab";
    SessionDescription sdp = SdpParser.DEFAULT.parse("v=0  \n\n" + "s=\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111 \r\n"
        + "a=fmtp:111  minptime=10 ;; useinbandfec=1 \r\n"
        + "a=fmtp:111 stereo=1\r\n"
        + "a=fingerprint:SHA-256 " + good + "\r\n"
        + "a=sendonly\r\na=recvonly\r\n");
    MediaDescription audio = sdp.media().getFirst();
    assertThat(sdp.sessionName()).isEqualTo("-");
    assertThat(audio.codecs().getFirst().parameters())
        .containsExactly(java.util.Map.entry("minptime", "10"),
            java.util.Map.entry("useinbandfec", "1"), java.util.Map.entry("stereo", "1"));
    assertThat(audio.transport().fingerprints().getFirst())
        .isEqualTo(new Fingerprint("sha-256", "AB:".repeat(31) + "AB"));
    assertThat(audio.direction()).as("the first direction wins").isEqualTo(Direction.SENDONLY);
  }
}
