// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunAttribute;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.XorPeerAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** CreatePermission (RFC 8656 §9.2, "Receiving a CreatePermission Request"), after authentication. */
final class CreatePermissionHandler {
    private final TurnShard shard;
    private final TurnContext context;

    CreatePermissionHandler(TurnShard shard, TurnContext context) {
        this.shard = shard;
        this.context = context;
    }

    void handle(Exchange ex, Allocation allocation) {
        if (allocation == null) {
            ex.fail(StunError.ALLOCATION_MISMATCH); // §5: no allocation on this 5-tuple
            return;
        }
        // "The CreatePermission request MUST contain at least one XOR-PEER-ADDRESS attribute and
        // MAY contain multiple such attributes. If no such attribute exists, or if any of these
        // attributes are invalid, then a 400 (Bad Request) error is returned." (Invalid ones do not
        // survive the codec.)
        List<InetAddress> peers = new ArrayList<>();
        for (StunAttribute attribute : ex.request.attributes()) {
            if (attribute instanceof XorPeerAddress peer) {
                peers.add(peer.address().getAddress());
            }
        }
        if (peers.isEmpty()) {
            ex.fail(StunError.BAD_REQUEST);
            return;
        }
        int fresh = 0;
        for (InetAddress peer : peers) {
            // "If an XOR-PEER-ADDRESS attribute contains an address of an address family that is
            // not the same as that of a relayed transport address for the allocation, the server
            // MUST generate an error response with the 443 (Peer Address Family Mismatch)."
            if (!shard.sameFamilyAsRelay(peer)) {
                ex.fail(StunError.PEER_ADDRESS_FAMILY_MISMATCH);
                return;
            }
            // "The server MAY impose restrictions on the IP address allowed in the XOR-PEER-ADDRESS
            // attribute; if a value is not allowed, the server rejects the request with a 403."
            if (!context.policy.isAllowed(peer)) {
                context.counters.increment(TurnCounter.FORBIDDEN_PEER_REQUESTS);
                ex.fail(StunError.FORBIDDEN);
                return;
            }
            fresh += allocation.permissions.contains(peer) ? 0 : 1;
        }
        // "If the request is valid, but the server is unable to satisfy the request due to some
        // capacity limit or similar, then a 508 (Insufficient Capacity) error is returned."
        if (!allocation.permissions.hasRoomFor(fresh)) {
            ex.fail(StunError.INSUFFICIENT_CAPACITY);
            return;
        }
        // "...the server installs or refreshes a permission for the IP address contained in each
        // XOR-PEER-ADDRESS attribute... The port portion of each attribute is ignored."
        for (InetAddress peer : peers) {
            allocation.permissions.install(peer, ex.nowMillis);
        }
        // "The server then responds with a CreatePermission success response."
        ex.succeed();
    }
}
