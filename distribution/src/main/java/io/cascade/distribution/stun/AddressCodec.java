// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The value shared by MAPPED-ADDRESS and ALTERNATE-SERVER (RFC 8489 §14.1, §14.15) and, XOR'ed,
 * by XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS (§14.2; RFC 8656 §18.3, §18.5).
 *
 * <pre>
 * |0 0 0 0 0 0 0 0|    Family     |         (X-)Port              |
 * |              (X-)Address (32 or 128 bits)                     |
 * </pre>
 *
 * <p>XOR: the port with the top 16 bits of the magic cookie; an IPv4 address with the cookie; an
 * IPv6 address with the cookie followed by the transaction id. The XOR exists because some NATs
 * rewrote addresses they found in payloads (§14.2).
 */
final class AddressCodec {
  private AddressCodec() {}

  /** Checks an address given to an attribute constructor: present and resolved, never a name. */
  static InetSocketAddress requireResolved(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.getAddress() == null) {
      throw new IllegalArgumentException("address must be resolved: " + address);
    }
    return address;
  }

  static int valueLength(InetSocketAddress address) {
    return 4 + AddressFamily.of(address.getAddress()).addressLength();
  }

  /** Encodes, XOR'ing with the cookie and {@code xorKey} unless {@code xorKey} is null. */
  static void encode(InetSocketAddress address, byte[] dst, int off, TransactionId xorKey) {
    byte[] ip = address.getAddress().getAddress();
    dst[off] = 0;
    dst[off + 1] = (byte) AddressFamily.of(address.getAddress()).code();
    BigEndian.putU16(dst, off + 2, xorKey == null ? address.getPort() : xorPort(address.getPort()));
    System.arraycopy(ip, 0, dst, off + 4, ip.length);
    if (xorKey != null) {
      xorAddress(dst, off + 4, ip.length, xorKey);
    }
  }

  /** Decodes the value of attribute {@code name}; {@code xorKey} null means plain form. */
  static InetSocketAddress decode(String name, byte[] src, int off, int len, TransactionId xorKey)
      throws StunFormatException {
    if (len < 4) {
      throw new StunFormatException(name, "value of " + len + " bytes is shorter than 4");
    }
    int code = BigEndian.u8(src, off + 1);
    AddressFamily family = AddressFamily.fromCode(code).orElseThrow(() ->
        new StunFormatException(name, "unknown address family 0x" + Integer.toHexString(code)));
    int expected = 4 + family.addressLength();
    if (len != expected) {
      throw new StunFormatException(
          name, family + " value must be " + expected + " bytes, got " + len);
    }
    int port = BigEndian.u16(src, off + 2);
    byte[] ip = new byte[family.addressLength()];
    System.arraycopy(src, off + 4, ip, 0, ip.length);
    if (xorKey != null) {
      port = xorPort(port);
      xorAddress(ip, 0, ip.length, xorKey);
    }
    return new InetSocketAddress(toInetAddress(name, ip), port);
  }

  private static int xorPort(int port) {
    return port ^ (StunHeader.MAGIC_COOKIE >>> 16);
  }

  private static void xorAddress(byte[] ip, int off, int len, TransactionId transactionId) {
    for (int i = 0; i < len; i++) {
      int key = i < 4 ? StunHeader.MAGIC_COOKIE >>> (24 - 8 * i) : transactionId.byteAt(i - 4);
      ip[off + i] ^= (byte) key;
    }
  }

  /**
   * Builds the address without any name lookup. IPv6 goes through {@link Inet6Address} directly
   * because {@link InetAddress#getByAddress(byte[])} would turn an IPv4-mapped IPv6 address into
   * an IPv4 one, changing the family on re-encode.
   */
  private static InetAddress toInetAddress(String name, byte[] ip) throws StunFormatException {
    try {
      return ip.length == 4
          ? InetAddress.getByAddress(ip)
          : Inet6Address.getByAddress(null, ip, -1);
    } catch (UnknownHostException impossible) {
      // Only thrown for a wrong array length, which the family check above rules out.
      throw new StunFormatException(name, "address of " + ip.length + " bytes");
    }
  }
}
