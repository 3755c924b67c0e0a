// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Line- and token-aware mutations of SDP text for {@link SdpSeededMutationTest}: drop, repeat,
 * move and truncate lines; replace a word with an edge value; insert lines the parser
 * interprets; and plain byte flips and CR/LF damage. Byte-level mutations alone almost never get
 * past {@code v=0}; these keep most mutants well-formed enough to reach the attribute decoders
 * and the answerer.
 */
final class SdpMutator {
  private static final String[] WORDS = {"0", "1", "-1", "127", "128", "255", "256", "65535",
      "65536", "4294967295", "4294967296", "99999999999999999999", "", "*", "~", ":", ";", ",",
      "/", "=", "x".repeat(300), "\u00e9", "\uFFFD", "send", "recv", "typ", "raddr", "rport",
      "pt=96", "BUNDLE", "rtx", "apt=96", "H264", "opus", "VP8", "42e01f", "sendonly"};
  private static final String[] LINES = {"a=mid:0", "a=mid:1", "a=rtcp-mux", "a=rtcp-rsize",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 0 UDP/TLS/RTP/SAVPF 96 97",
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=group:BUNDLE 0 1 2",
      "a=ice-lite", "a=setup:holdconn", "a=setup:active", "a=ice-ufrag:abcd",
      "a=ice-pwd:abcdefghijklmnopqrstuv", "a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000",
      "a=fmtp:97 apt=96", "a=rtcp-fb:* nack", "a=rid:a send pt=96", "a=rid:b recv",
      "a=simulcast:send a;~b", "a=simulcast:recv a", "a=extmap:9 " + ExtMap.SDES_RTP_STREAM_ID,
      "a=extmap:1/recvonly " + ExtMap.SDES_MID, "a=ssrc-group:FID 1 2", "a=ssrc:1 cname:x",
      "a=candidate:1 1 udp 1 192.0.2.1 9 typ host", "a=end-of-candidates", "a=bundle-only",
      "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=fingerprint:sha-1 AB:CD",
      "a=sendrecv", "a=inactive", "a=msid:s t", "c=IN IP6 ::1", "b=AS:1", "t=1 2", "o=- 1 1 IN IP4 x",
      "s= ", "v=0", "a=extmap-allow-mixed", "a=ice-options:trickle", "a=x-unknown"};

  private SdpMutator() {}

  static byte[] mutate(byte[] seed, SplittableRandom random) {
    List<String> lines = new ArrayList<>(Arrays.asList(
        new String(seed, StandardCharsets.UTF_8).split("\r?\n", -1)));
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      mutateOnce(lines, random);
    }
    byte[] bytes = String.join(random.nextInt(8) == 0 ? "\n" : "\r\n", lines)
        .getBytes(StandardCharsets.UTF_8);
    return random.nextInt(10) == 0 ? flipByte(bytes, random) : bytes;
  }

  private static void mutateOnce(List<String> lines, SplittableRandom random) {
    if (lines.isEmpty()) {
      lines.add(LINES[random.nextInt(LINES.length)]);
      return;
    }
    int at = random.nextInt(lines.size());
    switch (random.nextInt(7)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
      case 2 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
      case 3 -> lines.set(at, replaceWord(lines.get(at), random));
      case 4 -> lines.add(at, LINES[random.nextInt(LINES.length)]);
      case 5 -> {
        String line = lines.get(at);
        lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
      }
      default -> lines.set(at, lines.get(at) + (random.nextBoolean() ? " " : "\r"));
    }
  }

  /** Replaces one space-, colon- or semicolon-separated word of the line with an edge value. */
  private static String replaceWord(String line, SplittableRandom random) {
    String[] words = line.split("(?<=[ :;,/=])|(?=[ :;,/=])");
    int at = random.nextInt(words.length);
    words[at] = WORDS[random.nextInt(WORDS.length)];
    return String.join("", words);
  }

  private static byte[] flipByte(byte[] bytes, SplittableRandom random) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] copy = bytes.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }
}
