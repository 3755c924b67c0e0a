// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import java.util.Arrays;
import java.util.Random;

/**
 * Small, seeded byte-level mutations (the kinds libFuzzer starts with) for replaying fuzz
 * targets deterministically under plain {@code mvn test}. Shared by the rtp and rtcp tests.
 */
public final class Mutator {
    private static final int[] INTERESTING = {0x00, 0x01, 0x03, 0x04, 0x0F, 0x10, 0x1F, 0x20, 0x7F, 0x80,
        0xBE, 0xDE, 0xFF};

    private Mutator() {
    }

    /** One to four mutations of a copy of {@code seed}. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = mutateOnce(data, random);
        }
        return data;
    }

    private static byte[] mutateOnce(byte[] data, Random random) {
        if (data.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(data.length);
        switch (random.nextInt(6)) {
            case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> data[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            case 2 -> data[at] = (byte) random.nextInt(256);
            case 3 -> {
                return Arrays.copyOf(data, at);
            }
            case 4 -> {
                byte[] longer = Arrays.copyOf(data, data.length + 1 + random.nextInt(8));
                for (int i = data.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
            default -> {
                int from = random.nextInt(data.length);
                data[at] = data[from];
            }
        }
        return data;
    }
}
