// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.AddressFamily;
import io.cascade.distribution.stun.Fingerprint;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.StunFormatException;
import io.cascade.distribution.stun.StunHeader;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TURN server of one event loop: its allocations and everything that touches them, without
 * locks. Entry points, all on the loop's thread: {@link #onUdp} (a datagram on the listening
 * port), {@link #onStream} (one message from a TCP or TLS connection), {@link #onPeerDatagram}
 * (a datagram at a relayed address), {@link #sweep} (expiry, once a second).
 *
 * <p>Demultiplexing by the first byte (RFC 7983 §7, RFC 8656 §12): 0x40-0x7F ChannelData to the
 * {@link RelayPath}; 0-3 STUN, where an attribute-less Binding request takes {@link FastBinding}, a
 * Send indication the relay path, the rest the codec and a handler per method; a cookie-less
 * Binding request {@link ClassicBinding}; anything else is counted and dropped.
 */
final class TurnShard {
    private final TurnContext context;
    private final RelayPorts relayPorts;
    private final AddressFamily relayFamily;
    private final Map<Object, Allocation> allocations = new HashMap<>();
    private final RelayPath relay;
    private final RequestAuthenticator authenticator;
    private final BindingHandler binding = new BindingHandler();
    private final AllocateHandler allocate;
    private final RefreshHandler refresh;
    private final CreatePermissionHandler createPermission;
    private final ChannelBindHandler channelBind;

    /** @param relayPorts opens relay sockets on this shard's event loop */
    TurnShard(TurnContext context, RelayPorts relayPorts, AddressFamily relayFamily) {
        this.context = context;
        this.relayPorts = relayPorts;
        this.relayFamily = relayFamily;
        this.relay = new RelayPath(context.counters, context.policy);
        this.authenticator = new RequestAuthenticator(context);
        this.allocate = new AllocateHandler(this, context);
        this.refresh = new RefreshHandler(this, context);
        this.createPermission = new CreatePermissionHandler(this, context);
        this.channelBind = new ChannelBindHandler(this, context);
    }

    /** A datagram on the listening socket; borrowed, released by the engine afterwards. */
    void onUdp(ByteBuf d, InetSocketAddress sender, UdpSocket socket) {
        long now = context.clock.millis();
        if (d.readableBytes() < 4) {
            context.counters.increment(TurnCounter.DROPPED_MALFORMED);
            return;
        }
        int first = d.getUnsignedByte(d.readerIndex());
        if (ChannelFrame.isChannelData(first)) {
            relay.channelDataFromClient(lookup(sender, now), d, false, now);
        } else if (FastBinding.matches(d)) {
            ByteBuf out = socket.alloc().directBuffer(FastBinding.responseLength(sender));
            FastBinding.writeResponse(d, sender, out);
            socket.send(out, sender);
            context.counters.increment(TurnCounter.BINDING_ANSWERED);
        } else if (first < 4 && StunHeader.isStun(d)) {
            Allocation allocation = lookup(sender, now);
            ClientLink link = allocation != null ? allocation.link : new UdpLink(socket, sender);
            onStun(d, link, allocation, now);
        } else if (ClassicBinding.matches(d)) {
            ByteBuf out = socket.alloc().directBuffer(128);
            if (ClassicBinding.writeResponse(d, sender, socket.localAddress(), out)) {
                socket.send(out, sender);
                context.counters.increment(TurnCounter.BINDING_ANSWERED);
            } else {
                out.release();
                context.counters.increment(TurnCounter.DROPPED_MALFORMED);
            }
        } else {
            context.counters.increment(TurnCounter.DROPPED_MALFORMED);
        }
    }

    /** One whole message from a stream connection (framing already checked); borrowed. */
    void onStream(ByteBuf frame, ClientLink link) {
        long now = context.clock.millis();
        Allocation allocation = lookup(link.allocationKey(), now);
        if (ChannelFrame.isChannelData(frame.getUnsignedByte(frame.readerIndex()))) {
            relay.channelDataFromClient(allocation, frame, true, now);
        } else {
            onStun(frame, link, allocation, now);
        }
    }

    /** A datagram from {@code peer} at {@code owner}'s relayed address; borrowed. */
    void onPeerDatagram(Allocation owner, ByteBuf d, InetSocketAddress peer, boolean truncated) {
        relay.fromPeer(owner, d, peer, truncated, context.clock.millis());
    }

    /** A stream connection closed: its allocation, which belongs to that 5-tuple, goes with it. */
    void linkClosed(ClientLink link) {
        Allocation allocation = allocations.get(link.allocationKey());
        if (allocation != null) {
            deleteAllocation(allocation);
        }
    }

    private void onStun(ByteBuf d, ClientLink link, Allocation allocation, long now) {
        if (SendIndicationView.isSendIndication(d)) {
            relay.sendFromClient(allocation, d, now);
            return;
        }
        StunMessage message;
        try {
            message = StunDecoder.decode(d);
        } catch (StunFormatException e) {
            context.counters.increment(TurnCounter.DROPPED_MALFORMED);
            return;
        }
        // RFC 8489 §7.3: a message whose FINGERPRINT does not match is not STUN; discard it.
        boolean badFingerprint = message.contains(Fingerprint.TYPE) && !StunIntegrity.verifyFingerprint(message);
        if (badFingerprint || message.messageClass() != StunClass.REQUEST) {
            // Binding indications are keepalives (RFC 8489 §6.3.2); other non-requests mean nothing.
            if (badFingerprint || message.method() != StunMethod.BINDING) {
                context.counters.increment(TurnCounter.DROPPED_UNEXPECTED);
            }
            return;
        }
        Exchange ex = new Exchange(message, link, now, context.counters);
        switch (message.method()) {
            case BINDING -> binding.handle(ex);
            case ALLOCATE, REFRESH, CREATE_PERMISSION, CHANNEL_BIND -> turnRequest(ex, allocation);
            default -> context.counters.increment(TurnCounter.DROPPED_UNEXPECTED);
        }
    }

    /** RFC 8656 §5: authenticate, then 420 for unknown attributes, then 441 for a new username. */
    private void turnRequest(Exchange ex, Allocation allocation) {
        if (!authenticator.authenticate(ex, allocation)) {
            return;
        }
        List<Integer> unknown = ex.request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            ex.fail(StunError.UNKNOWN_ATTRIBUTE, new UnknownAttributes(unknown));
            return;
        }
        // §5: requests on an allocation must use "the same username ... as the one used in the
        // Allocate request that created the allocation"; otherwise 441 (Wrong Credentials).
        if (allocation != null && !allocation.username.equals(ex.credential().username())) {
            ex.fail(StunError.WRONG_CREDENTIALS);
            return;
        }
        switch (ex.request.method()) {
            case ALLOCATE -> allocate.handle(ex, allocation);
            case REFRESH -> refresh.handle(ex, allocation);
            case CREATE_PERMISSION -> createPermission.handle(ex, allocation);
            case CHANNEL_BIND -> channelBind.handle(ex, allocation);
            default -> throw new IllegalStateException("not a TURN request: " + ex.request.method());
        }
    }

    /** The live allocation under {@code key}; an expired one found here is deleted on the spot. */
    private Allocation lookup(Object key, long now) {
        Allocation allocation = allocations.get(key);
        if (allocation != null && !allocation.liveAt(now)) {
            deleteAllocation(allocation);
            return null;
        }
        return allocation;
    }

    /**
     * Opens the relay socket on {@code port} and records the allocation for the exchange's
     * 5-tuple; null when the port cannot be bound. The caller holds the port and the quota.
     */
    Allocation createAllocation(Exchange ex, int port) {
        Exchange.Credential credential = ex.credential();
        Allocation allocation = new Allocation(ex.link, credential.username(), credential.key(),
                ex.request.transactionId(), TurnServerConfig.PERMISSION_LIFETIME.toMillis(),
                context.config.maxBandwidthKbps());
        try {
            allocation.relay = relayPorts.open(port, allocation);
        } catch (IOException e) {
            return null;
        }
        InetSocketAddress bound = allocation.relay.localAddress();
        allocation.relayedAddress = context.advertisedRelayAddress
                .map(address -> new InetSocketAddress(address, bound.getPort()))
                .orElse(bound);
        allocations.put(ex.link.allocationKey(), allocation);
        context.counters.increment(TurnCounter.ALLOCATIONS_CREATED);
        return allocation;
    }

    /** Deletes an allocation: relay socket closed, port and quota given back. Idempotent. */
    void deleteAllocation(Allocation allocation) {
        if (allocation.closed) {
            return;
        }
        allocation.closed = true;
        allocations.remove(allocation.link.allocationKey(), allocation);
        allocation.relay.close();
        context.ports.release(allocation.relay.localAddress().getPort());
        context.quota.release(LongTermCredentials.quotaKey(allocation.username));
        context.counters.increment(TurnCounter.ALLOCATIONS_DELETED);
    }

    /** Deletes expired allocations and forgets expired permissions and channels. */
    void sweep() {
        long now = context.clock.millis();
        List<Allocation> expired = new ArrayList<>();
        for (Allocation allocation : allocations.values()) {
            if (!allocation.liveAt(now)) {
                expired.add(allocation);
            } else {
                allocation.permissions.sweep(now);
                allocation.channels.sweep(now);
            }
        }
        expired.forEach(this::deleteAllocation);
    }

    /** Deletes every allocation (server stop). */
    void closeAll() {
        new ArrayList<>(allocations.values()).forEach(this::deleteAllocation);
    }

    int allocationCount() {
        return allocations.size();
    }

    /** The family of this server's relayed addresses. */
    AddressFamily relayFamily() {
        return relayFamily;
    }

    /** Whether a peer address has the relay's family (IPv4-mapped IPv6 counts as IPv6, as sent). */
    boolean sameFamilyAsRelay(InetAddress peer) {
        return AddressFamily.of(peer) == relayFamily;
    }
}
