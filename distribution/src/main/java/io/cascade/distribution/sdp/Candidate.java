// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ICE candidate, the value of {@code a=candidate} (RFC 8839 §5.1):
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port]
 *                       *(SP cand-extension)
 * </pre>
 *
 * <p>The literals {@code typ}, {@code raddr} and {@code rport} match without case, as ABNF quoted
 * strings do (RFC 5234 §2.3). The connection address may be an IPv4 or IPv6 literal or a host name: Chromium hides host
 * addresses behind mDNS names ending in {@code .local}. Extensions ({@code generation}, {@code
 * network-id}, {@code ufrag}, {@code tcptype}, ...) are name/value pairs that §5.1 says to ignore
 * when unknown; they are kept in order so the candidate writes back as it came. A repeated
 * extension name keeps its first place and its last value.
 *
 * @param foundation 1 to 32 {@code ice-char}s
 * @param component 1 for RTP (RTCP is muxed, RFC 8858), up to 256
 * @param transport {@code UDP}, or {@code TCP} for RFC 6544 candidates (kept as written)
 * @param priority 0 to 2^32-1 (RFC 8445 §5.1.2)
 * @param type {@code host}, {@code srflx}, {@code prflx}, {@code relay} or an extension token
 * @param extensions extension name to value, in the order written
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    Optional<String> relatedAddress,
    Optional<Integer> relatedPort,
    Map<String, String> extensions) {
  private static final String FIELD = "a=candidate";
  private static final int MAX_ADDRESS = 255;

  public Candidate {
    extensions = SdpSyntax.orderedCopy(extensions);
  }

  /** A host candidate for component 1 with no extensions, as an ICE-lite server announces. */
  public static Candidate host(String foundation, String transport, long priority,
      String address, int port) {
    return new Candidate(foundation, 1, transport, priority, address, port, "host",
        Optional.empty(), Optional.empty(), Map.of());
  }

  /** Decodes the attribute value after {@code candidate:}. */
  public static Candidate decode(String attributeValue) throws SdpParseException {
    List<String> w = SdpSyntax.words(attributeValue);
    if (w.size() < 8) {
      throw new SdpParseException(FIELD, "expected at least 8 fields, got " + w.size());
    }
    if (!SdpSyntax.isIceString(w.get(0), 1, 32)) {
      throw new SdpParseException(FIELD, "foundation must be 1-32 ice-chars");
    }
    int component = SdpSyntax.parseInt(w.get(1), 1, 256, FIELD);
    if (!SdpSyntax.isToken(w.get(2))) {
      throw new SdpParseException(FIELD, "transport is not a token");
    }
    long priority = SdpSyntax.parseLong(w.get(3), 0, 0xFFFF_FFFFL, FIELD);
    String address = address(w.get(4));
    int port = SdpSyntax.parseInt(w.get(5), 0, 65535, FIELD);
    if (!w.get(6).equalsIgnoreCase("typ") || !SdpSyntax.isToken(w.get(7))) {
      throw new SdpParseException(FIELD, "expected 'typ <cand-type>' after the port");
    }
    return withTail(new Candidate(w.get(0), component, w.get(2), priority, address, port,
        w.get(7), Optional.empty(), Optional.empty(), Map.of()), w.subList(8, w.size()));
  }

  /** Reads {@code [raddr x] [rport y] *(name value)} after the candidate type. */
  private static Candidate withTail(Candidate c, List<String> tail) throws SdpParseException {
    if (tail.size() % 2 != 0) {
      throw new SdpParseException(FIELD, "extension '" + SdpSyntax.abbreviate(tail.getLast())
          + "' has no value");
    }
    Optional<String> raddr = Optional.empty();
    Optional<Integer> rport = Optional.empty();
    Map<String, String> extensions = new LinkedHashMap<>();
    for (int i = 0; i < tail.size(); i += 2) {
      String name = tail.get(i);
      String value = tail.get(i + 1);
      if (i == 0 && name.equalsIgnoreCase("raddr")) {
        raddr = Optional.of(address(value));
      } else if (i == (raddr.isPresent() ? 2 : 0) && name.equalsIgnoreCase("rport")) {
        rport = Optional.of(SdpSyntax.parseInt(value, 0, 65535, FIELD));
      } else if (!SdpSyntax.isToken(name) || !SdpSyntax.isVisible(value)) {
        throw new SdpParseException(FIELD, "extension '" + SdpSyntax.abbreviate(name)
            + "' is not a token with a value");
      } else {
        extensions.put(name, value); // a repeated name keeps its first place and last value
      }
    }
    return new Candidate(c.foundation, c.component, c.transport, c.priority, c.address, c.port,
        c.type, raddr, rport, extensions);
  }

  /** The attribute value after {@code candidate:}. */
  public String encode() {
    StringBuilder out = new StringBuilder(96).append(foundation).append(' ').append(component)
        .append(' ').append(transport).append(' ').append(priority).append(' ').append(address)
        .append(' ').append(port).append(" typ ").append(type);
    relatedAddress.ifPresent(a -> out.append(" raddr ").append(a));
    relatedPort.ifPresent(p -> out.append(" rport ").append(p));
    extensions.forEach((name, value) -> out.append(' ').append(name).append(' ').append(value));
    return out.toString();
  }

  /** Whether the transport is UDP, compared without case as RFC 8839 §5.1 allows. */
  public boolean isUdp() {
    return transport.toLowerCase(Locale.ROOT).equals("udp");
  }

  /** An IPv4 or IPv6 literal or a host name: letters, digits and {@code . : - _ %}. */
  private static String address(String text) throws SdpParseException {
    if (text.isEmpty() || text.length() > MAX_ADDRESS) {
      throw new SdpParseException(FIELD, "connection address must be 1-255 characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && ".:-_%".indexOf(c) < 0) {
        throw new SdpParseException(FIELD, "connection address has '" + c + "'");
      }
    }
    return text;
  }
}
