// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 §14.11): the algorithms the server can use to derive the
 * long-term key, in its order of preference. Each entry is encoded like {@link PasswordAlgorithm}'s
 * value: algorithm, parameter length, parameters padded to 4. Comprehension-optional.
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {
  public static final int TYPE = 0x8002;

  public PasswordAlgorithms {
    algorithms = List.copyOf(algorithms);
    long length = 0;
    for (PasswordAlgorithm algorithm : algorithms) {
      length += algorithm.valueLength();
    }
    if (length > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new IllegalArgumentException("PASSWORD-ALGORITHMS of " + length + " bytes cannot fit");
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}: entries until it is used up. */
  public static PasswordAlgorithms decode(byte[] source, int offset, int length)
      throws StunFormatException {
    List<PasswordAlgorithm> algorithms = new ArrayList<>();
    int at = offset;
    while (at < offset + length) {
      PasswordAlgorithm entry =
          PasswordAlgorithm.decodeEntry("PASSWORD-ALGORITHMS", source, at, offset + length - at);
      algorithms.add(entry);
      at += entry.valueLength();
    }
    return new PasswordAlgorithms(algorithms);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    int length = 0;
    for (PasswordAlgorithm algorithm : algorithms) {
      length += algorithm.valueLength();
    }
    return length;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    int at = offset;
    for (PasswordAlgorithm algorithm : algorithms) {
      algorithm.encodeValue(destination, at, transactionId);
      at += algorithm.valueLength();
    }
  }
}
