// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.id;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Identifiers: time-ordered UUIDs (version 7, RFC 9562 §5.7) so that ids sort by creation time in
 * logs, Kafka and storage, with 74 random bits so that they cannot be guessed.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId() {
        return newId(InstantSource.system());
    }

    public static String newId(InstantSource clock) {
        return uuid7(clock.millis()).toString();
    }

    static UUID uuid7(long unixMillis) {
        long rand = RANDOM.nextLong();
        // 48-bit timestamp | version 7 | 12 random bits
        long msb = (unixMillis << 16) | 0x7000L | (rand & 0x0FFFL);
        // variant 10 | 62 random bits
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
