// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.stun.ErrorCode;
import io.cascade.distribution.stun.IceControlled;
import io.cascade.distribution.stun.IceControlling;
import io.cascade.distribution.stun.Priority;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.UseCandidate;
import io.cascade.distribution.stun.Username;
import io.cascade.distribution.stun.XorMappedAddress;
import io.cascade.platform.time.ManualClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ICE-lite answering checks shaped as Chromium sends them (RFC 8445 §7.2.2, §7.3). */
class IceLiteTest {
    private static final InetSocketAddress BROWSER = new InetSocketAddress("192.0.2.10", 54321);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final IceLite ice = new IceLite((s, remote, nominated) -> events.add(s.localUfrag() + " " + remote.getPort() + " " + nominated), clock);
    private final Random random = new Random(1);

    {
        ice.register(new IceLite.IceSession("srvA", "server-password-0123456789", "brwA", "owner"));
    }

    private byte[] check(String username, String password, boolean useCandidate, boolean controlling, boolean fingerprint) {
        StunMessageBuilder b = StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
                .add(new Username(username))
                .add(new Priority(1845501695L));
        b.add(controlling ? new IceControlling(0x1122334455667788L) : new IceControlled(0x1122334455667788L));
        if (useCandidate) {
            b.add(new UseCandidate());
        }
        b.messageIntegrity(StunCredentials.shortTermKey(password));
        if (fingerprint) {
            b.fingerprint();
        }
        return b.encode();
    }

    private IceLite.Result send(byte[] datagram) {
        return ice.handle(datagram, 0, datagram.length, BROWSER);
    }

    @Test
    void aNominatingCheckIsAnsweredWithTheReflexiveAddressSignedWithOurPassword() throws Exception {
        IceLite.Result r = send(check("srvA:brwA", "server-password-0123456789", true, true, true));
        assertThat(r.outcome()).isEqualTo(IceLite.Outcome.ANSWERED);
        StunMessage response = StunDecoder.decode(r.response());
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.find(XorMappedAddress.class)).hasValueSatisfying(a -> assertThat(a.address()).isEqualTo(BROWSER));
        assertThat(StunIntegrity.verifyMessageIntegrity(response, StunCredentials.shortTermKey("server-password-0123456789"))).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(response)).isTrue();
        assertThat(events).containsExactly("srvA 54321 true");
    }

    @Test
    void wrongPasswordUnknownUfragAndSwappedHalvesGet401AndNoSelection() throws Exception {
        assertThat(send(check("srvA:brwA", "wrong-password", true, true, true)).outcome()).isEqualTo(IceLite.Outcome.BAD_INTEGRITY);
        assertThat(send(check("nope:brwA", "server-password-0123456789", true, true, true)).outcome()).isEqualTo(IceLite.Outcome.UNKNOWN_USER);
        IceLite.Result swapped = send(check("brwA:srvA", "server-password-0123456789", true, true, true));
        assertThat(swapped.outcome()).isEqualTo(IceLite.Outcome.UNKNOWN_USER);
        assertThat(StunDecoder.decode(swapped.response()).find(ErrorCode.class)).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(401));
        assertThat(events).isEmpty();
    }

    @Test
    void checksWithoutFingerprintGarbageAndIndicationsAreDroppedSilently() {
        assertThat(send(check("srvA:brwA", "server-password-0123456789", true, true, false)).outcome())
                .isEqualTo(IceLite.Outcome.NO_FINGERPRINT);
        byte[] junk = new byte[64];
        random.nextBytes(junk);
        junk[0] = 0;
        IceLite.Result r = send(junk);
        assertThat(r.outcome()).isEqualTo(IceLite.Outcome.MALFORMED);
        assertThat(r.response()).isNull();
        byte[] indication = StunMessageBuilder.indication(StunMethod.BINDING, TransactionId.random(random)).fingerprint().encode();
        assertThat(send(indication).outcome()).isEqualTo(IceLite.Outcome.NOT_A_REQUEST);
        assertThat(events).isEmpty();
    }

    @Test
    void aControlledPeerIsInRoleConflictBecauseALiteAgentIsAlwaysControlled() throws Exception {
        IceLite.Result r = send(check("srvA:brwA", "server-password-0123456789", false, false, true));
        assertThat(r.outcome()).isEqualTo(IceLite.Outcome.ROLE_CONFLICT);
        assertThat(StunDecoder.decode(r.response()).find(ErrorCode.class)).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(487));
    }

    @Test
    void consentLapsesThirtySecondsAfterTheLastValidCheck() {
        send(check("srvA:brwA", "server-password-0123456789", false, true, true));
        clock.advance(Duration.ofSeconds(29));
        assertThat(ice.hasConsent("srvA")).isTrue();
        send(check("srvA:brwA", "wrong", false, true, true)); // an invalid check does not refresh
        clock.advance(Duration.ofSeconds(2));
        assertThat(ice.hasConsent("srvA")).isFalse();
        send(check("srvA:brwA", "server-password-0123456789", false, true, true));
        assertThat(ice.hasConsent("srvA")).isTrue();
        assertThat(ice.hasConsent("unknown")).isFalse();
    }
}
