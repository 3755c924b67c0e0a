// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcTableTest {
    @Test
    void agreesWithAHashMapUnderRandomAddsAndRemoves() {
        Random random = new Random(7983);
        SsrcTable table = new SsrcTable();
        Map<Integer, StreamState> model = new HashMap<>();
        // A small key space forces collisions, long probe runs and wrap-around deletions.
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(random.nextInt());
        }
        keys.add(0);
        keys.add(-1);
        for (int step = 0; step < 100_000; step++) {
            int ssrc = keys.get(random.nextInt(keys.size()));
            if (random.nextBoolean()) {
                assertThat(table.remove(ssrc)).isEqualTo(model.remove(ssrc) != null);
            } else if (!model.containsKey(ssrc)) {
                StreamState state = new StreamState(ssrc, 64);
                table.add(state);
                model.put(ssrc, state);
            }
            assertThat(table.size()).isEqualTo(model.size());
            int probe = keys.get(random.nextInt(keys.size()));
            assertThat(table.get(probe)).isSameAs(model.get(probe));
        }
        for (Map.Entry<Integer, StreamState> entry : model.entrySet()) {
            assertThat(table.get(entry.getKey())).isSameAs(entry.getValue());
        }
    }
}
