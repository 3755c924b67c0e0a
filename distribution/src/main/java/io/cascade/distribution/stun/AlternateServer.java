// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.InetSocketAddress;

/**
 * ALTERNATE-SERVER (RFC 8489 §14.15): the server a 300 (Try Alternate) response redirects to,
 * encoded like MAPPED-ADDRESS. Comprehension-optional.
 */
public record AlternateServer(InetSocketAddress address) implements StunAttribute {
  public static final int TYPE = 0x8023;

  public AlternateServer {
    AddressCodec.requireResolved(address);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static AlternateServer decode(byte[] source, int offset, int length)
      throws StunFormatException {
    return new AlternateServer(
        AddressCodec.decode("ALTERNATE-SERVER", source, offset, length, null));
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
    AddressCodec.encode(address, destination, offset, null);
  }
}
