// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.ChannelNumber;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.XorPeerAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * ChannelBind (RFC 8656 §12.2, "Receiving a ChannelBind Request"), after authentication. Channel
 * numbers are accepted in RFC 5766's range (see {@link ChannelFrame}).
 */
final class ChannelBindHandler {
    private final TurnShard shard;
    private final TurnContext context;

    ChannelBindHandler(TurnShard shard, TurnContext context) {
        this.shard = shard;
        this.context = context;
    }

    void handle(Exchange ex, Allocation allocation) {
        if (allocation == null) {
            ex.fail(StunError.ALLOCATION_MISMATCH); // §5: no allocation on this 5-tuple
            return;
        }
        Optional<ChannelNumber> number = ex.request.find(ChannelNumber.class);
        Optional<XorPeerAddress> peerAttribute = ex.request.find(XorPeerAddress.class);
        // "The request contains both a CHANNEL-NUMBER and an XOR-PEER-ADDRESS attribute; the
        // channel number is in the range 0x4000 through 0x4FFF" (0x7FFE here, RFC 5766's bound).
        if (number.isEmpty() || peerAttribute.isEmpty() || !ChannelFrame.isValidNumber(number.get().number())) {
            ex.fail(StunError.BAD_REQUEST);
            return;
        }
        InetSocketAddress peer = peerAttribute.get().address();
        // "If the XOR-PEER-ADDRESS attribute contains an address of an address family that is not
        // the same as that of a relayed transport address for the allocation, the server MUST
        // generate an error response with the 443 (Peer Address Family Mismatch) response code."
        if (!shard.sameFamilyAsRelay(peer.getAddress())) {
            ex.fail(StunError.PEER_ADDRESS_FAMILY_MISMATCH);
            return;
        }
        Channels channels = allocation.channels;
        ChannelBinding byNumber = live(channels, channels.byNumber(number.get().number()), ex.nowMillis);
        ChannelBinding byPeer = live(channels, channels.byPeer(peer), ex.nowMillis);
        // "The channel number is not currently bound to a different transport address (same
        // transport address is OK); the transport address is not currently bound to a different
        // channel number. ... If any of these tests fail, the server replies with a 400."
        if ((byNumber != null && !byNumber.peer.equals(peer)) || (byPeer != null && byPeer != byNumber)) {
            ex.fail(StunError.BAD_REQUEST);
            return;
        }
        // "The server MAY impose restrictions on the IP address and port values allowed in the
        // XOR-PEER-ADDRESS attribute; if a value is not allowed, the server rejects the request
        // with a 403 (Forbidden) error."
        if (!context.policy.isAllowed(peer.getAddress()) || context.policy.isSelfPort(peer)) {
            context.counters.increment(TurnCounter.FORBIDDEN_PEER_REQUESTS);
            ex.fail(StunError.FORBIDDEN);
            return;
        }
        // "If the request is valid, but the server is unable to fulfill the request due to some
        // capacity limit or similar, the server replies with a 508 (Insufficient Capacity) error."
        boolean newPermission = !allocation.permissions.contains(peer.getAddress());
        if ((byNumber == null && channels.size() >= Channels.MAX)
                || (newPermission && !allocation.permissions.hasRoomFor(1))) {
            ex.fail(StunError.INSUFFICIENT_CAPACITY);
            return;
        }
        // "...the server creates or refreshes the channel binding using the channel number in the
        // CHANNEL-NUMBER attribute and the transport address in the XOR-PEER-ADDRESS attribute.
        // The server also installs or refreshes a permission for the IP address."
        long expiry = ex.nowMillis + TurnServerConfig.CHANNEL_LIFETIME.toMillis();
        if (byNumber == null) {
            channels.add(new ChannelBinding(number.get().number(), peer, expiry));
        } else {
            byNumber.expiresAtMillis = expiry;
        }
        allocation.permissions.install(peer.getAddress(), ex.nowMillis);
        // "Otherwise, the server replies with a ChannelBind success response."
        ex.succeed();
    }

    /**
     * The binding if it is live; an expired one not yet swept is removed here, since "when a
     * channel binding expires, the channel is no longer bound" (RFC 5766 §11) and both its number
     * and its peer are free again.
     */
    private static ChannelBinding live(Channels channels, ChannelBinding binding, long nowMillis) {
        if (binding != null && !binding.liveAt(nowMillis)) {
            channels.remove(binding);
            return null;
        }
        return binding;
    }
}
