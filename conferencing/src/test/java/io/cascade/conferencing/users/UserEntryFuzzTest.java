// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the shared user store's entries ({@link SharedUserService#decode}): the cache
 * is replicated from other nodes, so an entry is read as hostile. Property: a valid user of the
 * asked name, never an exception; a readable entry round-trips. Under {@code mvn test} Jazzer
 * replays its corpus (none kept); the seeded test mutates valid entries deterministically.
 */
class UserEntryFuzzTest {
    private static final String INSERTED = "|,@.-x\u0000\u00e9 ";
    private static final List<String> ENTRIES = List.of("0||", "1|alice|mallory", "0|bob,carol,dave|", "1||x@y.z");

    @FuzzTest
    void entry(byte[] data) {
        check(new String(data, StandardCharsets.UTF_8));
    }

    @Test
    void seededMutationsOfValidEntriesReadAsAUser() {
        Random random = new Random(2111);
        for (String seed : ENTRIES) {
            assertThat(SharedUserService.encode(SharedUserService.decode("kim", seed))).isEqualTo(seed);
            for (int i = 0; i < 2000; i++) {
                check(mutate(seed, random));
            }
        }
    }

    private static void check(String entry) {
        User u = SharedUserService.decode("kim", entry);
        assertThat(u.name()).isEqualTo("kim");
        assertThat(SharedUserService.decode("kim", SharedUserService.encode(u))).isEqualTo(u);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder b = new StringBuilder(seed);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, INSERTED.charAt(random.nextInt(INSERTED.length())));
                case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
                default -> { if (at < b.length()) b.setCharAt(at, (char) random.nextInt(128)); }
            }
        }
        return b.toString();
    }
}
