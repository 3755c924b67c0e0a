// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Small structure-aware byte mutations for {@link SeededMutationTest}: bit flips, random bytes,
 * 16-bit "interesting" values at even offsets (where STUN types and lengths live), truncation,
 * insertion and duplication of 4-byte-aligned chunks (whole attributes, often).
 */
final class Mutator {
  private static final int[] INTERESTING = {0x0000, 0x0001, 0x0003, 0x0004, 0x0008, 0x0014, 0x001C,
      0x0020, 0x7FFF, 0x8000, 0x8028, 0xFFFC, 0xFFFF, 0x4000, 0x4FFF, 0x5000};

  private Mutator() {}

  static byte[] mutate(byte[] seed, SplittableRandom random) {
    byte[] bytes = seed.clone();
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      bytes = mutateOnce(bytes, random);
    }
    return bytes;
  }

  private static byte[] mutateOnce(byte[] bytes, SplittableRandom random) {
    if (bytes.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(6)) {
      case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> bytes[at] = (byte) random.nextInt(256);
      case 2 -> {
        int even = at & ~1;
        if (even + 1 < bytes.length) {
          BigEndian.putU16(bytes, even, INTERESTING[random.nextInt(INTERESTING.length)]);
        }
      }
      case 3 -> bytes = Arrays.copyOf(bytes, at);
      case 4 -> bytes = insert(bytes, at, randomBytes(random, 1 + random.nextInt(8)));
      default -> {
        int start = at & ~3;
        int end = Math.min(bytes.length, start + 4 * (1 + random.nextInt(4)));
        bytes = insert(bytes, start, Arrays.copyOfRange(bytes, start, end));
      }
    }
    return bytes;
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] chunk) {
    byte[] result = new byte[bytes.length + chunk.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(chunk, 0, result, at, chunk.length);
    System.arraycopy(bytes, at, result, at + chunk.length, bytes.length - at);
    return result;
  }
}
