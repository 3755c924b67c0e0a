// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** XOR address encoding (RFC 8489 §14.2) for IPv4, IPv6 and IPv4-mapped IPv6. */
class XorAddressTest {
  private static final TransactionId RFC5769_ID =
      TransactionId.of(HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae"));

  @Test
  void ipv4IsXoredWithTheCookie() throws Exception {
    XorMappedAddress address = new XorMappedAddress(
        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));

    assertThat(valueHex(address, RFC5769_ID)).isEqualTo("0001a147e112a643");
  }

  @Test
  void ipv6IsXoredWithCookieAndTransactionId() throws Exception {
    XorMappedAddress address = new XorMappedAddress(new InetSocketAddress(
        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));

    assertThat(valueHex(address, RFC5769_ID)).isEqualTo("0002a1470113a9faa5d3f179bc25f4b5bed2b9d9");
  }

  @Test
  void plainAddressesAreNotXored() throws Exception {
    MappedAddress address =
        new MappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));

    assertThat(valueHex(address, RFC5769_ID)).isEqualTo("00018055c0000201");
  }

  @Test
  void ipv4MappedIpv6StaysIpv6() throws Exception {
    byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff7f000001");
    InetSocketAddress loopbackMapped =
        new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 9);
    XorPeerAddress peer = new XorPeerAddress(loopbackMapped);
    byte[] value = new byte[peer.valueLength()];
    peer.encodeValue(value, 0, RFC5769_ID);

    XorPeerAddress decoded = XorPeerAddress.decode(value, 0, value.length, RFC5769_ID);

    assertThat(decoded.address().getAddress()).isInstanceOf(Inet6Address.class);
    assertThat(decoded.address().getAddress().getAddress()).isEqualTo(mapped);
    assertThat(value.length).isEqualTo(20);
  }

  private static String valueHex(StunAttribute attribute, TransactionId id) {
    byte[] value = new byte[attribute.valueLength()];
    attribute.encodeValue(value, 0, id);
    return HexFormat.of().formatHex(value);
  }
}
