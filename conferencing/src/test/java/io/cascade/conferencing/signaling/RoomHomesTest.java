// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Room homes: first claim wins, a dead home is taken over, only the holder releases. */
class RoomHomesTest {
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();
    private final Set<String> dead = new HashSet<>();
    private final RoomHomes a = new RoomHomes(cache, "a", n -> !dead.contains(n));
    private final RoomHomes b = new RoomHomes(cache, "b", n -> !dead.contains(n));

    @Test
    void theFirstClaimWinsAndOthersFollowIt() {
        assertThat(a.claim("r")).isEqualTo("a");
        assertThat(b.claim("r")).isEqualTo("a");
        assertThat(a.claim("r")).isEqualTo("a");
        b.release("r");
        assertThat(cache).containsEntry("r", "a"); // not b's to release
        a.release("r");
        assertThat(b.claim("r")).isEqualTo("b");
    }

    @Test
    void theNextJoinTakesOverARoomWhoseHomeDied() {
        assertThat(a.claim("r")).isEqualTo("a");
        dead.add("a");
        assertThat(b.claim("r")).isEqualTo("b");
        assertThat(b.holder("r")).isEqualTo("b");
    }
}
