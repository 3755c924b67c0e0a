// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.AdditionalAddressFamily;
import io.cascade.distribution.stun.AddressErrorCode;
import io.cascade.distribution.stun.AddressFamily;
import io.cascade.distribution.stun.DontFragment;
import io.cascade.distribution.stun.EvenPort;
import io.cascade.distribution.stun.Lifetime;
import io.cascade.distribution.stun.RequestedAddressFamily;
import io.cascade.distribution.stun.RequestedTransport;
import io.cascade.distribution.stun.ReservationToken;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.stun.XorMappedAddress;
import io.cascade.distribution.stun.XorRelayedAddress;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;

/**
 * Allocate (RFC 8656 §7.2, "Receiving an Allocate Request"). The numbered steps are the RFC's, in
 * its order: step 1 (long-term authentication) ran in {@link RequestAuthenticator}; 2 here; 3-9
 * in {@link #refusal}; 10-11 and the allocation itself in {@link #allocate}.
 */
final class AllocateHandler {
    /** Ports tried when binding fails because another process holds the one picked. */
    private static final int BIND_ATTEMPTS = 8;
    private final TurnShard shard;
    private final TurnContext context;

    AllocateHandler(TurnShard shard, TurnContext context) {
        this.shard = shard;
        this.context = context;
    }

    void handle(Exchange ex, Allocation existing) {
        // 2. "The server checks if the 5-tuple is currently in use by an existing allocation. If
        //    yes, the server rejects the request with a 437 (Allocation Mismatch) error." A
        //    retransmission of the request that created it gets the same success response again.
        if (existing != null) {
            if (existing.allocateTransaction.equals(ex.request.transactionId())) {
                ex.link.send(Unpooled.wrappedBuffer(existing.allocateResponse));
            } else {
                ex.fail(StunError.ALLOCATION_MISMATCH);
            }
            return;
        }
        StunError refusal = refusal(ex.request);
        if (refusal == StunError.UNKNOWN_ATTRIBUTE) {
            ex.fail(refusal, new UnknownAttributes(List.of(DontFragment.TYPE)));
        } else if (refusal != null) {
            ex.fail(refusal);
        } else {
            allocate(ex);
        }
    }

    /** Steps 3 to 9: the error the request must get, or null when it may be satisfied. */
    private StunError refusal(StunMessage request) {
        // 3. REQUESTED-TRANSPORT missing: 400; not UDP: 442 (RFC 6062 TCP relaying is not offered).
        Optional<RequestedTransport> transport = request.find(RequestedTransport.class);
        if (transport.isEmpty()) {
            return StunError.BAD_REQUEST;
        }
        if (transport.get().protocol() != RequestedTransport.UDP) {
            return StunError.UNSUPPORTED_TRANSPORT_PROTOCOL;
        }
        // 4. DONT-FRAGMENT: this server cannot promise the DF bit, so the attribute is treated as
        //    an unknown comprehension-required one: 420 listing it.
        if (request.contains(DontFragment.TYPE)) {
            return StunError.UNKNOWN_ATTRIBUTE;
        }
        boolean token = request.contains(ReservationToken.TYPE);
        boolean evenPort = request.contains(EvenPort.TYPE);
        Optional<RequestedAddressFamily> requested = request.find(RequestedAddressFamily.class);
        Optional<AdditionalAddressFamily> additional = request.find(AdditionalAddressFamily.class);
        // 5. RESERVATION-TOKEN with EVEN-PORT or an address family attribute: 400. Whether the token
        //    is valid (508 if not) is known when it is redeemed.
        // 6. Both REQUESTED-ADDRESS-FAMILY and ADDITIONAL-ADDRESS-FAMILY: 400.
        if ((token && (evenPort || requested.isPresent() || additional.isPresent()))
                || (requested.isPresent() && additional.isPresent())) {
            return StunError.BAD_REQUEST;
        }
        // 7. A family other than the relay's: 440 (Address Family not Supported). Without the
        //    attribute the request is for IPv4, so a server relaying IPv6 only answers 440 too.
        AddressFamily wanted = requested.isPresent() ? requested.get().addressFamily().orElse(null) : AddressFamily.IPV4;
        if (wanted != shard.relayFamily()) {
            return StunError.ADDRESS_FAMILY_NOT_SUPPORTED;
        }
        // 8. EVEN-PORT with the R bit and ADDITIONAL-ADDRESS-FAMILY: 400. Whether the port can be
        //    had is known when it is picked (508 then).
        // 9. ADDITIONAL-ADDRESS-FAMILY other than IPv6: 400. IPv6 asks for a dual allocation, which
        //    this server cannot make: it allocates its one family and reports the other missing
        //    with ADDRESS-ERROR-CODE 440 in the success response.
        boolean reserveNext = request.find(EvenPort.class).map(EvenPort::reserveNextPort).orElse(false);
        if ((reserveNext && additional.isPresent())
                || (additional.isPresent() && additional.get().addressFamily().orElse(null) != AddressFamily.IPV6)) {
            return StunError.BAD_REQUEST;
        }
        return null;
    }

    /** Step 10 (quotas), then the relay port, the allocation and the success response. */
    private void allocate(Exchange ex) {
        StunMessage request = ex.request;
        // 10. Quotas by username and in total: 486 (Allocation Quota Reached). ("11. Try Alternate"
        //     is not used: there is no other server to send the client to.)
        String quotaKey = LongTermCredentials.quotaKey(ex.credential().username());
        if (!context.quota.tryAcquire(quotaKey)) {
            ex.fail(StunError.ALLOCATION_QUOTA_REACHED);
            return;
        }
        Optional<ReservationToken> token = request.find(ReservationToken.class);
        boolean evenPort = request.contains(EvenPort.TYPE);
        boolean reserveNext = request.find(EvenPort.class).map(EvenPort::reserveNextPort).orElse(false);
        Allocation allocation = null;
        int port = -1;
        for (int attempt = 0; attempt < BIND_ATTEMPTS && allocation == null; attempt++) {
            port = token.isPresent() ? context.reservations.redeem(token.get().token(), ex.nowMillis)
                    : context.ports.acquire(evenPort, reserveNext);
            if (port < 0) {
                break;
            }
            allocation = shard.createAllocation(ex, port);
            if (allocation == null) {
                // Another process holds the port: give it back to the pool and pick another.
                context.ports.release(port);
                if (reserveNext) {
                    context.ports.release(port + 1);
                }
                if (token.isPresent()) {
                    break;
                }
            }
        }
        if (allocation == null) {
            // 5 and 8: an invalid token, no (even) port free, or none that could be bound: 508.
            context.quota.release(quotaKey);
            ex.fail(StunError.INSUFFICIENT_CAPACITY);
            return;
        }
        answer(ex, allocation, reserveNext ? port + 1 : -1);
    }

    /**
     * "...the server sends a success response containing XOR-RELAYED-ADDRESS, LIFETIME, a
     * RESERVATION-TOKEN when the request asked the next port to be reserved, and
     * XOR-MAPPED-ADDRESS." The encoded response is kept for retransmissions (step 2).
     */
    private void answer(Exchange ex, Allocation allocation, int reservedPort) {
        allocation.expiresAtMillis = ex.nowMillis + 1000 * desiredLifetime(ex.request, context.config);
        StunMessageBuilder response = StunMessageBuilder.successResponse(ex.request)
                .add(new XorRelayedAddress(allocation.relayedAddress))
                .add(new Lifetime(allocation.secondsLeft(ex.nowMillis)));
        if (reservedPort > 0) {
            response.add(new ReservationToken(context.reservations.reserve(reservedPort, ex.nowMillis)));
        }
        response.add(new XorMappedAddress(ex.link.client()));
        if (ex.request.contains(AdditionalAddressFamily.TYPE)) {
            response.add(AddressErrorCode.of(AddressFamily.IPV6, StunError.ADDRESS_FAMILY_NOT_SUPPORTED));
        }
        allocation.allocateResponse = ex.send(response);
    }

    /**
     * RFC 8656 §7.2 and §7.5: the smaller of the requested LIFETIME and the maximum, but never less
     * than the default (also used by Refresh for non-zero requests).
     */
    static long desiredLifetime(StunMessage request, TurnServerConfig config) {
        long maximum = config.maxLifetime().toSeconds();
        long fallback = config.defaultLifetime().toSeconds();
        long asked = request.find(Lifetime.class).map(Lifetime::seconds).orElse(fallback);
        return Math.max(fallback, Math.min(asked, maximum));
    }
}
