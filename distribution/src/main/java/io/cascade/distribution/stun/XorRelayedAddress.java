// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.InetSocketAddress;

/**
 * XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address the TURN server allocated,
 * encoded like XOR-MAPPED-ADDRESS.
 */
public record XorRelayedAddress(InetSocketAddress address) implements StunAttribute {
  public static final int TYPE = 0x0016;

  public XorRelayedAddress {
    AddressCodec.requireResolved(address);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}, XOR'ed with the message's id. */
  public static XorRelayedAddress decode(
      byte[] source, int offset, int length, TransactionId transactionId)
      throws StunFormatException {
    return new XorRelayedAddress(
        AddressCodec.decode("XOR-RELAYED-ADDRESS", source, offset, length, transactionId));
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
