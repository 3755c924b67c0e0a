// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandoffQueueTest {

    /** An item; keyframes are protected from eviction. */
    record Item(int n, boolean key) {
    }

    private final List<Item> released = new ArrayList<>();

    private HandoffQueue<Item> queue(int capacity, OverflowPolicy policy) {
        return new HandoffQueue<>(capacity, policy, Item::key, released::add);
    }

    @Test
    void dropOldestEvictsTheOldestNonKeyItemAndCountsIt() throws Exception {
        HandoffQueue<Item> q = queue(3, OverflowPolicy.DROP_OLDEST);
        q.put(new Item(1, true));
        q.put(new Item(2, false));
        q.put(new Item(3, false));
        assertThat(q.put(new Item(4, false))).isEqualTo(1);
        assertThat(released).containsExactly(new Item(2, false));
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.take()).isEqualTo(new Item(1, true));
        assertThat(q.take()).isEqualTo(new Item(3, false));
        assertThat(q.take()).isEqualTo(new Item(4, false));
    }

    @Test
    void whenEveryQueuedItemIsProtectedTheOldestGoes() throws Exception {
        HandoffQueue<Item> q = queue(2, OverflowPolicy.DROP_OLDEST);
        q.put(new Item(1, true));
        q.put(new Item(2, true));
        q.put(new Item(3, false));
        assertThat(released).containsExactly(new Item(1, true));
    }

    @Test
    void blockWaitsForRoomAndDropsNothing() throws Exception {
        HandoffQueue<Item> q = new HandoffQueue<>(1, OverflowPolicy.BLOCK, Item::key, i -> { });
        q.put(new Item(1, false));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            try {
                return q.put(new Item(2, false));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(q.take()).isEqualTo(new Item(1, false));
        assertThat(second.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(q.take()).isEqualTo(new Item(2, false));
        assertThat(q.dropped()).isZero();
    }

    @Test
    void finishLetsTheConsumerDrainThenSignalsTheEnd() throws Exception {
        HandoffQueue<Item> q = queue(4, OverflowPolicy.DROP_OLDEST);
        q.put(new Item(1, false));
        q.finish();
        assertThat(q.put(new Item(2, false))).as("put after finish releases the item").isEqualTo(1);
        assertThat(released).containsExactly(new Item(2, false));
        assertThat(q.take()).isEqualTo(new Item(1, false));
        assertThat(q.take()).isNull();
    }

    @Test
    void abortReleasesWhatIsQueuedAndWakesABlockedProducerAndConsumer() throws Exception {
        HandoffQueue<Item> q = queue(1, OverflowPolicy.BLOCK);
        q.put(new Item(1, false));
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return q.put(new Item(2, false));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        q.abort();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(q.take()).isNull();
        assertThat(released).containsExactlyInAnyOrder(new Item(1, false), new Item(2, false));
    }
}
