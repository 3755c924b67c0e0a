// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call whom and who sees whose presence. */
class CallPolicyTest {
    private final InMemoryUserService users = new InMemoryUserService();
    private final CallPolicy policy = new CallPolicy(users);

    @Test
    void anyoneMayCallAnExistingUserWhoIsNotContactsOnly() {
        users.put(User.named("bob"));
        assertThat(policy.check("alice", "bob")).isEmpty();
    }

    @Test
    void unknownCalleeBlocksEitherWayAndContactsOnly() {
        users.put(new User("bob", Set.of("carol"), Set.of("mallory"), true));
        users.put(new User("alice", Set.of(), Set.of("dave"), false));
        users.put(User.named("dave"));
        assertThat(policy.check("alice", "nobody")).get().extracting(CallPolicy.Decision::refusal).isEqualTo(Refusal.UNKNOWN_USER);
        assertThat(policy.check("mallory", "bob")).get().extracting(CallPolicy.Decision::refusal).isEqualTo(Refusal.BLOCKED);
        assertThat(policy.check("alice", "dave")).get().extracting(CallPolicy.Decision::message)
                .isEqualTo("you blocked dave; unblock to call");
        assertThat(policy.check("alice", "bob")).get().extracting(CallPolicy.Decision::refusal).isEqualTo(Refusal.CONTACTS_ONLY);
        assertThat(policy.check("carol", "bob")).isEmpty();
    }

    @Test
    void presenceIsForContactsTheUserDoesNotBlock() {
        users.put(new User("alice", Set.of("bob", "carol"), Set.of(), false));
        users.put(new User("carol", Set.of(), Set.of("alice"), false));
        users.put(User.named("bob"));
        assertThat(policy.mayWatch("alice", "bob")).isTrue();
        assertThat(policy.mayWatch("alice", "carol")).isFalse();
        assertThat(policy.mayWatch("bob", "alice")).isFalse();
    }

    @Test
    void updatesAddAndRemoveContactsAndBlocksAndRefuseBadNames() {
        users.update("alice", new UserService.Change(List.of("bob", "carol"), List.of(), List.of("mallory"), List.of(), true));
        User a = users.update("alice", new UserService.Change(List.of(), List.of("carol"), List.of(), List.of("mallory"), null));
        assertThat(a.contacts()).containsExactly("bob");
        assertThat(a.blocked()).isEmpty();
        assertThat(a.contactsOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.update("alice",
                new UserService.Change(List.of("alice"), null, null, null, null))).isInstanceOf(IllegalArgumentException.class);
    }
}
