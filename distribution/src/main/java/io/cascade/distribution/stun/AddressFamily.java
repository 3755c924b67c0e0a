// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The address family byte of the address attributes (RFC 8489 §14.1), reused by TURN's
 * REQUESTED-ADDRESS-FAMILY, ADDITIONAL-ADDRESS-FAMILY and ADDRESS-ERROR-CODE (RFC 8656 §18.6,
 * §18.11, §18.12).
 */
public enum AddressFamily {
  IPV4(0x01, 4),
  IPV6(0x02, 16);

  private final int code;
  private final int addressLength;

  AddressFamily(int code, int addressLength) {
    this.code = code;
    this.addressLength = addressLength;
  }

  /** The family byte on the wire. */
  public int code() {
    return code;
  }

  /** Length of an address of this family in bytes. */
  public int addressLength() {
    return addressLength;
  }

  /** The family with this code, if it is one of the two defined. */
  public static Optional<AddressFamily> fromCode(int code) {
    return switch (code) {
      case 0x01 -> Optional.of(IPV4);
      case 0x02 -> Optional.of(IPV6);
      default -> Optional.empty();
    };
  }

  /**
   * The family of an address. An IPv4-mapped IPv6 address held as an {@link
   * java.net.Inet6Address} is IPv6: the codec keeps what was on the wire, and the TURN server's
   * peer checks must look at both forms (see SPECS on CVE-2020-26262).
   */
  public static AddressFamily of(InetAddress address) {
    return address instanceof Inet4Address ? IPV4 : IPV6;
  }
}
