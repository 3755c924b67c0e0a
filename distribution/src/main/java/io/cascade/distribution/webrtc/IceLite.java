// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.stun.IceControlled;
import io.cascade.distribution.stun.IceControlling;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.StunFormatException;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.stun.UseCandidate;
import io.cascade.distribution.stun.Username;
import io.cascade.distribution.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ICE-lite responder (RFC 8445 §2.5, §7.3): answers the browser's connectivity checks for
 * every registered session on one shared port and never sends checks itself. A lite agent is
 * always the controlled one; the browser nominates with USE-CANDIDATE. Each valid check also
 * refreshes consent (RFC 7675 §5.1): a session whose peer sent no valid check for
 * {@link #CONSENT_TIMEOUT_MS} has lost consent and must stop sending.
 *
 * <p>Sessions are keyed by our ufrag, the first half of the USERNAME the browser sends
 * ({@code ours:theirs}, RFC 8445 §7.2.2). Thread-safe: checks may arrive on any engine thread.
 */
public final class IceLite {
    /** RFC 7675 §5.1: consent expires 30 s after the last successful check. */
    public static final long CONSENT_TIMEOUT_MS = 30_000;

    /** What the transport learns from a check. */
    public interface Listener {
        /** A valid check from {@code remote}; {@code nominated} when it carried USE-CANDIDATE. */
        void checked(IceSession session, InetSocketAddress remote, boolean nominated);
    }

    /** Why a datagram got no success response. */
    public enum Outcome { ANSWERED, NOT_A_REQUEST, MALFORMED, NO_FINGERPRINT, UNKNOWN_USER, BAD_INTEGRITY, ROLE_CONFLICT, UNKNOWN_ATTRIBUTE }

    /**
     * The answer to send back to the sender (may be null) and what happened; {@code nominated}
     * when an answered check carried USE-CANDIDATE.
     */
    public record Result(Outcome outcome, byte[] response, IceSession session, boolean nominated) {
        Result(Outcome outcome, byte[] response, IceSession session) {
            this(outcome, response, session, false);
        }
    }

    /** A registered session: our credentials and the peer's ufrag from its SDP. */
    public record IceSession(String localUfrag, String localPassword, String remoteUfrag, Object owner) {
        byte[] key() {
            return StunCredentials.shortTermKey(localPassword);
        }
    }

    private record Entry(IceSession session, byte[] key, long[] lastCheckMs) {}

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Listener listener;
    private final InstantSource clock;

    public IceLite(Listener listener, InstantSource clock) {
        this.listener = listener;
        this.clock = clock;
    }

    public void register(IceSession session) {
        if (sessions.putIfAbsent(session.localUfrag(), new Entry(session, session.key(), new long[] {clock.millis()})) != null) {
            throw new IllegalArgumentException("ufrag already in use: " + session.localUfrag());
        }
    }

    public void unregister(String localUfrag) {
        sessions.remove(localUfrag);
    }

    /** Whether the session's peer still consents (RFC 7675): a valid check within the timeout. */
    public boolean hasConsent(String localUfrag) {
        Entry e = sessions.get(localUfrag);
        return e != null && clock.millis() - e.lastCheckMs()[0] <= CONSENT_TIMEOUT_MS;
    }

    /** Handles one STUN datagram from {@code sender}. */
    public Result handle(byte[] datagram, int offset, int length, InetSocketAddress sender) {
        StunMessage request;
        try {
            request = StunDecoder.decode(datagram, offset, length);
        } catch (StunFormatException e) {
            return new Result(Outcome.MALFORMED, null, null);
        }
        if (request.method() != StunMethod.BINDING || request.messageClass() != StunClass.REQUEST) {
            return new Result(Outcome.NOT_A_REQUEST, null, null); // e.g. Binding indications: keep-alives
        }
        // RFC 8445 §7.3 via RFC 8489 §6.3.1: a request without a valid FINGERPRINT is not ICE: drop
        if (!StunIntegrity.verifyFingerprint(request)) {
            return new Result(Outcome.NO_FINGERPRINT, null, null);
        }
        Entry entry = entryFor(request);
        if (entry == null) {
            return error(request, StunError.UNAUTHENTICATED, null, Outcome.UNKNOWN_USER);
        }
        // RFC 8489 §9.1.3: verify MESSAGE-INTEGRITY with the short-term password, before anything else
        if (!StunIntegrity.verifyMessageIntegrity(request, entry.key())) {
            return error(request, StunError.UNAUTHENTICATED, null, Outcome.BAD_INTEGRITY);
        }
        if (!request.unknownComprehensionRequired().isEmpty()) {
            byte[] r = StunMessageBuilder.errorResponse(request, StunError.UNKNOWN_ATTRIBUTE)
                    .add(new UnknownAttributes(request.unknownComprehensionRequired()))
                    .messageIntegrity(entry.key()).fingerprint().encode();
            return new Result(Outcome.UNKNOWN_ATTRIBUTE, r, entry.session());
        }
        // §7.3.1.1: we are controlled; a peer that also claims controlled is in conflict
        if (request.find(IceControlled.class).isPresent() && request.find(IceControlling.class).isEmpty()) {
            return error(request, StunError.ROLE_CONFLICT, entry.key(), Outcome.ROLE_CONFLICT);
        }
        entry.lastCheckMs()[0] = clock.millis();
        boolean nominated = request.find(UseCandidate.class).isPresent();
        listener.checked(entry.session(), sender, nominated);
        byte[] response = StunMessageBuilder.successResponse(request)
                .add(new XorMappedAddress(sender))
                .messageIntegrity(entry.key())
                .fingerprint()
                .encode();
        return new Result(Outcome.ANSWERED, response, entry.session(), nominated);
    }

    /** RFC 8445 §7.2.2: USERNAME is "ourUfrag:theirUfrag"; both halves must match the session. */
    private Entry entryFor(StunMessage request) {
        String username = request.find(Username.class).map(Username::value).orElse(null);
        if (username == null) {
            return null;
        }
        int colon = username.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        Entry e = sessions.get(username.substring(0, colon));
        if (e == null || !username.substring(colon + 1).equals(e.session().remoteUfrag())) {
            return null;
        }
        return e;
    }

    private static Result error(StunMessage request, StunError error, byte[] key, Outcome outcome) {
        StunMessageBuilder b = StunMessageBuilder.errorResponse(request, error);
        if (key != null) {
            b.messageIntegrity(key);
        }
        return new Result(outcome, b.fingerprint().encode(), null);
    }

    int sessionCount() {
        return sessions.size();
    }
}
