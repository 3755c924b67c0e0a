// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.testing;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Seeded byte mutations (bit flips, boundary values, truncation, extension, copies) for running
 * fuzz properties deterministically under plain {@code mvn test}, beside Jazzer's corpus replay.
 */
public final class Mutator {
    private static final int[] BOUNDARY = {0x00, 0x01, 0x02, 0x03, 0x3F, 0x40, 0x7F, 0x80, 0xC0, 0xFE, 0xFF};

    private Mutator() {
    }

    /** One to four mutations of a copy of {@code seed}. */
    public static byte[] mutate(byte[] seed, RandomGenerator random) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = once(data, random);
        }
        return data;
    }

    private static byte[] once(byte[] data, RandomGenerator random) {
        if (data.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(data.length);
        switch (random.nextInt(6)) {
            case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> data[at] = (byte) BOUNDARY[random.nextInt(BOUNDARY.length)];
            case 2 -> data[at] = (byte) random.nextInt(256);
            case 3 -> {
                return Arrays.copyOf(data, at);
            }
            case 4 -> {
                byte[] longer = Arrays.copyOf(data, data.length + 1 + random.nextInt(16));
                for (int i = data.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
            default -> data[at] = data[random.nextInt(data.length)];
        }
        return data;
    }
}
