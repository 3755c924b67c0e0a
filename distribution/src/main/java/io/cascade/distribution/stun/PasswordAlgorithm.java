// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * PASSWORD-ALGORITHM (RFC 8489 §14.12): the algorithm the client chose to derive the long-term
 * key, from the "STUN Password Algorithms" registry (§18.5): 0x0001 MD5, 0x0002 SHA-256, both
 * with empty parameters. The parameters are padded to 32 bits inside the value, like an attribute.
 *
 * <pre>
 * |          Algorithm            |  Algorithm Parameters Length  |
 * |                    Algorithm Parameters (variable)           ..
 * </pre>
 *
 * <p>The same element, repeated, is the value of PASSWORD-ALGORITHMS (§14.11).
 */
public record PasswordAlgorithm(int algorithm, byte[] parameters) implements StunAttribute {
  public static final int TYPE = 0x001D;
  /** §18.5.1.1: key = MD5(username ":" realm ":" password), 16 bytes. */
  public static final int MD5 = 0x0001;
  /** §18.5.1.2: key = SHA-256(username ":" realm ":" password), 32 bytes. */
  public static final int SHA_256 = 0x0002;

  public PasswordAlgorithm {
    if (algorithm < 0 || algorithm > 0xFFFF) {
      throw new IllegalArgumentException("algorithm must fit 16 bits: " + algorithm);
    }
    if (parameters.length > StunHeader.MAX_BODY_LENGTH - 8) {
      throw new IllegalArgumentException(parameters.length + " parameter bytes cannot fit");
    }
    parameters = parameters.clone();
  }

  /** An algorithm with no parameters, which is every algorithm registered so far. */
  public static PasswordAlgorithm of(int algorithm) {
    return new PasswordAlgorithm(algorithm, new byte[0]);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; it must hold exactly one entry. */
  public static PasswordAlgorithm decode(byte[] source, int offset, int length)
      throws StunFormatException {
    PasswordAlgorithm entry = decodeEntry("PASSWORD-ALGORITHM", source, offset, length);
    AttributeCodec.expectLength("PASSWORD-ALGORITHM", length, entry.valueLength());
    return entry;
  }

  /** Reads one entry at {@code offset} from at most {@code available} bytes; also for the list. */
  static PasswordAlgorithm decodeEntry(String name, byte[] source, int offset, int available)
      throws StunFormatException {
    if (available < 4) {
      throw new StunFormatException(name, "entry needs 4 bytes, " + available + " left");
    }
    int parametersLength = BigEndian.u16(source, offset + 2);
    if (4 + BigEndian.pad4(parametersLength) > available) {
      throw new StunFormatException(
          name, "parameters of " + parametersLength + " bytes run past the value");
    }
    byte[] parameters = Arrays.copyOfRange(source, offset + 4, offset + 4 + parametersLength);
    return new PasswordAlgorithm(BigEndian.u16(source, offset), parameters);
  }

  /** A copy of the parameter bytes (without padding). */
  @Override
  public byte[] parameters() {
    return parameters.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  /** Algorithm, length and parameters padded to 4, which is also the size of a list entry. */
  @Override
  public int valueLength() {
    return 4 + BigEndian.pad4(parameters.length);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    BigEndian.putU16(destination, offset, algorithm);
    BigEndian.putU16(destination, offset + 2, parameters.length);
    System.arraycopy(parameters, 0, destination, offset + 4, parameters.length);
    Arrays.fill(destination, offset + 4 + parameters.length, offset + valueLength(), (byte) 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasswordAlgorithm that
        && algorithm == that.algorithm
        && Arrays.equals(parameters, that.parameters);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm + Arrays.hashCode(parameters);
  }

  @Override
  public String toString() {
    return "PASSWORD-ALGORITHM[" + algorithm + ", " + HexFormat.of().formatHex(parameters) + "]";
  }
}
