// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.InetSocketAddress;

/**
 * XOR-PEER-ADDRESS (RFC 8656 §18.3): a peer's address as seen from the TURN server, encoded like
 * XOR-MAPPED-ADDRESS. The server must check the decoded address against its relay policy in every
 * form, IPv4-mapped IPv6 included, before relaying (SPECS: CVE-2020-26262).
 */
public record XorPeerAddress(InetSocketAddress address) implements StunAttribute {
  public static final int TYPE = 0x0012;

  public XorPeerAddress {
    AddressCodec.requireResolved(address);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}, XOR'ed with the message's id. */
  public static XorPeerAddress decode(
      byte[] source, int offset, int length, TransactionId transactionId)
      throws StunFormatException {
    return new XorPeerAddress(
        AddressCodec.decode("XOR-PEER-ADDRESS", source, offset, length, transactionId));
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
