// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.Lifetime;
import io.cascade.distribution.stun.RequestedAddressFamily;
import io.cascade.distribution.stun.StunError;
import java.util.Optional;

/** Refresh (RFC 8656 §7.5, "Receiving a Refresh Request"), after authentication. */
final class RefreshHandler {
    private final TurnShard shard;
    private final TurnContext context;

    RefreshHandler(TurnShard shard, TurnContext context) {
        this.shard = shard;
        this.context = context;
    }

    void handle(Exchange ex, Allocation allocation) {
        // §5: a request other than Allocate on a 5-tuple without an allocation gets 437. A
        // retransmitted Refresh with lifetime 0 lands here too; "the client will treat this as
        // equivalent to a success response".
        if (allocation == null) {
            ex.fail(StunError.ALLOCATION_MISMATCH);
            return;
        }
        // "If the server receives a Refresh Request with a REQUESTED-ADDRESS-FAMILY attribute and
        // the attribute value does not match the address family of the allocation, the server
        // MUST reply with a 443 (Peer Address Family Mismatch) Refresh error response."
        Optional<RequestedAddressFamily> family = ex.request.find(RequestedAddressFamily.class);
        if (family.isPresent() && family.get().addressFamily().orElse(null) != shard.relayFamily()) {
            ex.fail(StunError.PEER_ADDRESS_FAMILY_MISMATCH);
            return;
        }
        // "If the request contains a LIFETIME attribute and the attribute value is zero, then the
        // 'desired lifetime' is zero." Otherwise min(requested, maximum), but at least the default.
        boolean delete = ex.request.find(Lifetime.class).map(l -> l.seconds() == 0).orElse(false);
        if (delete) {
            // "If the 'desired lifetime' is zero, then the request succeeds and the allocation is
            // deleted."
            shard.deleteAllocation(allocation);
            ex.succeed(new Lifetime(0));
            return;
        }
        // "...the request succeeds and the allocation's time-to-expiry is set to the 'desired
        // lifetime'." The response carries "a LIFETIME attribute containing the current value of
        // the time-to-expiry timer".
        allocation.expiresAtMillis = ex.nowMillis + 1000 * AllocateHandler.desiredLifetime(ex.request, context.config);
        ex.succeed(new Lifetime(allocation.secondsLeft(ex.nowMillis)));
    }
}
