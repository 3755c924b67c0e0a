// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.InetSocketAddress;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the client's reflexive transport address, XOR'ed with the
 * magic cookie (and, for IPv6, the transaction id) so that NAT ALGs rewriting addresses in payloads
 * leave it alone. The answer to a Binding request.
 */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
  public static final int TYPE = 0x0020;

  public XorMappedAddress {
    AddressCodec.requireResolved(address);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}, XOR'ed with the message's id. */
  public static XorMappedAddress decode(
      byte[] source, int offset, int length, TransactionId transactionId)
      throws StunFormatException {
    return new XorMappedAddress(
        AddressCodec.decode("XOR-MAPPED-ADDRESS", source, offset, length, transactionId));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return AddressCodec.valueLength(address);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    AddressCodec.encode(address, destination, offset, transactionId);
  }
}
