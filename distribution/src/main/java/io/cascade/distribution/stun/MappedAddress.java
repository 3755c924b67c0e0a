// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS (RFC 8489 §14.1): the client's reflexive transport address in plain form. Servers
 * send it only for RFC 3489 clients; everyone else gets {@link XorMappedAddress}.
 */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {
  public static final int TYPE = 0x0001;

  public MappedAddress {
    AddressCodec.requireResolved(address);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static MappedAddress decode(byte[] source, int offset, int length)
      throws StunFormatException {
    return new MappedAddress(AddressCodec.decode("MAPPED-ADDRESS", source, offset, length, null));
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
