// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.stun.IceControlling;
import io.cascade.distribution.stun.Priority;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunFormatException;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.UseCandidate;
import io.cascade.distribution.stun.Username;
import java.util.random.RandomGenerator;

/**
 * The viewer's side of ICE against an ICE-lite gateway: we are the full, controlling agent
 * (RFC 8445 §6.1.1: the lite side is always controlled) with a single host candidate, so the one
 * pair is checked and nominated at once with USE-CANDIDATE (regular nomination collapsed into
 * the first check, as §8.1.1 allows the controlling agent). Every request carries USERNAME
 * {@code theirUfrag:ourUfrag}, PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY with the gateway's
 * password and FINGERPRINT (§7.2.2, RFC 8489 §14.5, §14.7). Later checks without USE-CANDIDATE are
 * the consent freshness requests of RFC 7675 §5.1. One instance per viewer; not thread-safe.
 */
final class IceChecks {
    /** RFC 8445 §5.1.2.1: type preference 126 (host), local preference 65535, component 1. */
    private static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;

    private final String username;
    private final byte[] key;
    private final long tieBreaker;
    private final RandomGenerator random;
    private TransactionId pending;

    IceChecks(String localUfrag, WhepAnswer answer, RandomGenerator random) {
        this.username = answer.remoteUfrag() + ":" + localUfrag;
        this.key = StunCredentials.shortTermKey(answer.remotePwd());
        this.random = random;
        this.tieBreaker = random.nextLong();
    }

    /** A new Binding request; the previous one, if unanswered, is forgotten. */
    byte[] request(boolean nominate) {
        pending = TransactionId.random(random);
        StunMessageBuilder b = StunMessageBuilder.request(StunMethod.BINDING, pending)
                .add(new Username(username))
                .add(new Priority(HOST_PRIORITY))
                .add(new IceControlling(tieBreaker));
        if (nominate) {
            b.add(new UseCandidate());
        }
        return b.messageIntegrity(key).fingerprint().encode();
    }

    /**
     * Whether {@code datagram} is the success response to our last request: its transaction id,
     * a valid FINGERPRINT and MESSAGE-INTEGRITY under the gateway's password (RFC 8445 §7.2.5.2).
     */
    boolean isAnswer(byte[] datagram) {
        StunMessage m;
        try {
            m = StunDecoder.decode(datagram);
        } catch (StunFormatException e) {
            return false;
        }
        if (pending == null || m.method() != StunMethod.BINDING || m.messageClass() != StunClass.SUCCESS_RESPONSE
                || !m.transactionId().equals(pending)) {
            return false;
        }
        if (!StunIntegrity.verifyFingerprint(m) || !StunIntegrity.verifyMessageIntegrity(m, key)) {
            return false;
        }
        pending = null;
        return true;
    }
}
