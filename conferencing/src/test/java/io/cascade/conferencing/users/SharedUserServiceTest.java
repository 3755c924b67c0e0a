// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.InfinispanFixture;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infinispan.commons.api.BasicCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two signaling nodes' user stores on one real two-member Infinispan cluster: a user first seen on
 * one node is known on the other, edits made on either are seen on both, and concurrent edits of
 * one user from both nodes all land.
 */
@Timeout(120)
class SharedUserServiceTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, SharedUserService.CACHES);

    private static SharedUserService a;
    private static SharedUserService b;
    private static BasicCache<String, String> cacheA;

    @BeforeAll
    static void cluster() throws Exception {
        EmbeddedInfinispan na = ISPN.startNode(0);
        EmbeddedInfinispan nb = ISPN.startNode(1);
        cacheA = na.cache(SharedUserService.CACHE);
        a = new SharedUserService(cacheA).seed(UserService.localSeeds());
        b = new SharedUserService(nb.cache(SharedUserService.CACHE)).seed(UserService.localSeeds());
    }

    @Test
    void aUserSignedInOnOneNodeIsKnownOnTheOther() {
        assertThat(b.find("zoe")).isEmpty();
        a.ensure("zoe");
        assertThat(b.find("zoe")).contains(User.named("zoe"));
        assertThat(b.find("frank").orElseThrow().contactsOnly()).isTrue();
        assertThat(b.find("bob").orElseThrow().blocks("mallory")).isTrue();
    }

    @Test
    void editsOnEitherNodeAreSeenOnBothAndSeedingAgainKeepsThem() {
        a.update("carol", new UserService.Change(List.of("yuri"), List.of("dave"), List.of("mallory"), null, true));
        User onB = b.find("carol").orElseThrow();
        assertThat(onB.contacts()).contains("yuri", "alice").doesNotContain("dave");
        assertThat(onB.blocked()).containsExactly("mallory");
        assertThat(onB.contactsOnly()).isTrue();
        b.seed(UserService.localSeeds()); // a node starting later
        assertThat(a.find("carol").orElseThrow().contactsOnly()).as("the edit survives a later seed").isTrue();
    }

    @Test
    void concurrentEditsOfOneUserFromBothNodesAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> fa = pool.submit(() -> addContacts(a, "a"));
            Future<?> fb = pool.submit(() -> addContacts(b, "b"));
            fa.get();
            fb.get();
        } finally {
            pool.shutdownNow();
        }
        Set<String> contacts = a.find("erin").orElseThrow().contacts();
        for (int i = 0; i < 40; i++) {
            assertThat(contacts).contains("a" + i, "b" + i);
        }
        assertThat(b.find("erin").orElseThrow().contacts()).isEqualTo(contacts);
    }

    @Test
    void anUnreadableEntryReadsAsAUserWithNoListsAndIsRewrittenByAnEdit() {
        cacheA.put("broken", "not|an|entry|at all");
        assertThat(b.find("broken")).contains(User.named("broken"));
        b.update("broken", new UserService.Change(List.of("alice"), null, null, null, null));
        assertThat(a.find("broken").orElseThrow().contacts()).containsExactly("alice");
    }

    @Test
    void refusesBadNames() {
        assertThat(a.find("no|pipes")).isEmpty();
        assertThat(a.find(null)).isEmpty();
        assertThatThrownBy(() -> a.update("eve", new UserService.Change(List.of("x,y"), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.update("eve", new UserService.Change(List.of("eve"), null, null, null, null)))
                .as("not one's own contact").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsThroughItsTextForm() {
        User u = new User("kim", Set.of("lee", "max"), Set.of("ned"), true);
        assertThat(SharedUserService.decode("kim", SharedUserService.encode(u))).isEqualTo(u);
        assertThat(SharedUserService.decode("kim", SharedUserService.encode(User.named("kim")))).isEqualTo(User.named("kim"));
        SharedUserService alone = new SharedUserService(new ConcurrentHashMap<>());
        assertThat(alone.ensure("kim")).isEqualTo(User.named("kim"));
        assertThat(alone.all()).extracting(User::name).containsExactly("kim");
    }

    private static void addContacts(SharedUserService node, String prefix) {
        for (int i = 0; i < 40; i++) {
            node.update("erin", new UserService.Change(List.of(prefix + i), null, null, null, null));
        }
    }

}
