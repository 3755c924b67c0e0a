// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The 96-bit STUN transaction id (RFC 8489 §5, §6).
 *
 * <p>A request's id must be uniformly random and cryptographically so (§6); responses echo it. The
 * random source is injected so that tests are deterministic; production passes a {@link
 * java.security.SecureRandom}. It is also the XOR key for IPv6 addresses in XOR-MAPPED-ADDRESS
 * and its TURN siblings (§14.2).
 */
public final class TransactionId {
  /** Length of a transaction id in bytes. */
  public static final int LENGTH = 12;

  private final byte[] bytes;

  private TransactionId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of the given 12 bytes as a transaction id. */
  public static TransactionId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a transaction id is 12 bytes, got " + bytes.length);
    }
    return new TransactionId(bytes.clone());
  }

  /** A fresh id for a new request; pass a {@link java.security.SecureRandom} in production. */
  public static TransactionId random(RandomGenerator random) {
    byte[] bytes = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i += 4) {
      BigEndian.putI32(bytes, i, random.nextInt());
    }
    return new TransactionId(bytes);
  }

  /** Reads the id that starts at {@code offset}; the caller has checked the bounds. */
  static TransactionId read(byte[] source, int offset) {
    return new TransactionId(Arrays.copyOfRange(source, offset, offset + LENGTH));
  }

  /** Writes the 12 bytes at {@code offset}. */
  public void copyTo(byte[] destination, int offset) {
    System.arraycopy(bytes, 0, destination, offset, LENGTH);
  }

  /** Byte {@code index} (0-11) of the id. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A copy of the 12 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransactionId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
