// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * Connection data, {@code c=<nettype> <addrtype> <connection-address>} (RFC 8866 §5.7). With ICE
 * it only carries the default candidate (RFC 8839 §4.2.1.2); JSEP offers write {@code IN IP4
 * 0.0.0.0}. A multicast address keeps its {@code /ttl} suffix as part of the address.
 */
public record Connection(String netType, String addrType, String address) {
  private static final String FIELD = "c=";

  public Connection {
    if (!SdpSyntax.isToken(netType) || !SdpSyntax.isToken(addrType)
        || !SdpSyntax.isVisible(address)) {
      throw new IllegalArgumentException("malformed connection data");
    }
  }

  /** {@code IN IP4 <address>} or {@code IN IP6 <address>}, by whether the literal has a colon. */
  public static Connection of(String address) {
    return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
  }

  /** Decodes the value after {@code c=}. */
  public static Connection decode(String value) throws SdpParseException {
    List<String> w = SdpSyntax.words(value);
    if (w.size() != 3 || !SdpSyntax.isToken(w.get(0)) || !SdpSyntax.isToken(w.get(1))
        || !SdpSyntax.isVisible(w.get(2))) {
      throw new SdpParseException(FIELD, "expected '<nettype> <addrtype> <address>'");
    }
    return new Connection(w.get(0), w.get(1), w.get(2));
  }

  /** The value after {@code c=}. */
  public String encode() {
    return netType + " " + addrType + " " + address;
  }
}
