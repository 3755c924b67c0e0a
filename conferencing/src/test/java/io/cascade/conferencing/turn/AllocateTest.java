// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.conferencing.turn.bench.TurnClient;
import io.cascade.distribution.stun.AdditionalAddressFamily;
import io.cascade.distribution.stun.AddressErrorCode;
import io.cascade.distribution.stun.AddressFamily;
import io.cascade.distribution.stun.DontFragment;
import io.cascade.distribution.stun.ErrorCode;
import io.cascade.distribution.stun.EvenPort;
import io.cascade.distribution.stun.Lifetime;
import io.cascade.distribution.stun.MessageIntegrity;
import io.cascade.distribution.stun.Nonce;
import io.cascade.distribution.stun.RawAttribute;
import io.cascade.distribution.stun.Realm;
import io.cascade.distribution.stun.RequestedAddressFamily;
import io.cascade.distribution.stun.RequestedTransport;
import io.cascade.distribution.stun.ReservationToken;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.stun.Username;
import io.cascade.distribution.stun.XorMappedAddress;
import io.cascade.distribution.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Allocate and Refresh (RFC 8656 §7), with the long-term credential mechanism in front. */
class AllocateTest {
    private TurnServerFixture fixture;

    @AfterEach
    void close() throws IOException {
        fixture.close();
    }

    private TurnServerFixture start(UnaryOperator<TurnServerConfig.Builder> tweak) throws IOException {
        fixture = new TurnServerFixture(tweak);
        return fixture;
    }

    @Test
    void anUnauthenticatedAllocateIsChallengedWithRealmAndNonce() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        byte[] request = StunMessageBuilder.request(StunMethod.ALLOCATE, TransactionId.random(new SecureRandom()))
                .add(new RequestedTransport(RequestedTransport.UDP)).fingerprint().encode();
        StunMessage response = client.exchange(request);
        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(response.find(ErrorCode.class).orElseThrow().code()).isEqualTo(401);
        assertThat(response.find(Realm.class).orElseThrow().value()).isEqualTo("cascade.test");
        assertThat(response.contains(Nonce.TYPE)).isTrue();
        assertThat(response.contains(MessageIntegrity.TYPE)).as("no key is agreed yet").isFalse();
        assertThat(StunIntegrity.verifyFingerprint(response)).isTrue();
    }

    @Test
    void allocateGrantsARelayedAddressInTheRangeWithTheDefaultLifetime() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        StunMessage response = client.request(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        InetSocketAddress relayed = response.find(XorRelayedAddress.class).orElseThrow().address();
        assertThat(relayed.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(relayed.getPort()).isBetween(52000, 52999);
        assertThat(response.find(Lifetime.class).orElseThrow().seconds()).isEqualTo(600);
        assertThat(response.find(XorMappedAddress.class).orElseThrow().address()).isEqualTo(client.localAddress());
        byte[] key = StunCredentials.longTermKey("alice", "cascade.test", "wonderland");
        assertThat(StunIntegrity.verifyMessageIntegrity(response, key)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(response)).isTrue();
        assertThat(fixture.server.allocations()).isEqualTo(1);
    }

    @Test
    void aLifetimeIsClampedBetweenTheDefaultAndTheMaximum() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        client.allocate();
        assertThat(client.refresh(30)).isEqualTo(600);
        assertThat(client.refresh(100_000)).isEqualTo(3600);
        assertThat(client.refresh(1200)).isEqualTo(1200);
    }

    @Test
    void aSecondAllocateOnTheSameFiveTupleIs437ButARetransmissionGetsTheSameAnswer() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        client.allocate();
        StunMessage again = client.request(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        assertThat(again.find(ErrorCode.class).orElseThrow().code()).isEqualTo(437);

        TurnClient other = fixture.client("bob", "builder");
        other.request(StunMethod.REFRESH); // picks up a nonce (437: no allocation yet)
        byte[] allocate = other.encodeAuthenticated(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        StunMessage first = other.exchange(allocate);
        StunMessage retransmitted = other.exchange(allocate);
        assertThat(first.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(retransmitted).isEqualTo(first);
        assertThat(fixture.server.allocations()).isEqualTo(2);
    }

    @Test
    void requestedTransportIsRequiredAndMustBeUdp() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        assertThat(errorOf(client.request(StunMethod.ALLOCATE))).isEqualTo(400);
        assertThat(errorOf(client.request(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.TCP)))).isEqualTo(442);
    }

    @Test
    void dontFragmentAndUnknownComprehensionRequiredAttributesGet420ListingThem() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        StunMessage df = client.request(StunMethod.ALLOCATE, new RequestedTransport(17), new DontFragment());
        assertThat(errorOf(df)).isEqualTo(420);
        assertThat(df.find(UnknownAttributes.class).orElseThrow().types()).containsExactly(DontFragment.TYPE);
        StunMessage unknown = client.request(StunMethod.ALLOCATE, new RequestedTransport(17), new RawAttribute(0x7F01, new byte[4]));
        assertThat(errorOf(unknown)).isEqualTo(420);
        assertThat(unknown.find(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7F01);
        assertThat(StunIntegrity.verifyMessageIntegrity(unknown,
                StunCredentials.longTermKey("alice", "cascade.test", "wonderland"))).as("authenticated, so protected").isTrue();
    }

    @Test
    void aWrongPasswordIs401AndAStaleNonceIs438() throws Exception {
        start(b -> b);
        TurnClient wrong = fixture.client("alice", "not-her-password");
        assertThat(errorOf(wrong.request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(401);

        TurnClient client = fixture.alice();
        client.allocate();
        client.refresh(3600);
        fixture.advance(Duration.ofMinutes(11)); // nonces live 10 minutes
        StunMessage stale = client.exchange(client.encodeAuthenticated(StunMethod.REFRESH, new Lifetime(600)));
        assertThat(errorOf(stale)).isEqualTo(438);
        assertThat(stale.contains(Nonce.TYPE)).isTrue();
        assertThat(client.refresh(600)).as("the client retries with the new nonce").isEqualTo(600);
    }

    @Test
    void restCredentialsWorkUntilTheirExpiry() throws Exception {
        start(b -> b);
        var credential = fixture.server.credentials().rest().orElseThrow().issue("carol", Duration.ofHours(1));
        assertThat(credential.username()).endsWith(":carol");
        TurnClient client = fixture.client(credential.username(), credential.password());
        client.allocate();
        client.refresh(3600);
        fixture.advance(Duration.ofMinutes(59));
        assertThat(client.refresh(600)).isEqualTo(600);
        fixture.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> client.refresh(600)).hasMessageContaining("401");
    }

    @Test
    void anotherUsernameOnAnExistingAllocationIs441() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        client.allocate();
        TurnClient sameSocketOtherUser = client.credentials("bob", "builder");
        assertThat(errorOf(sameSocketOtherUser.request(StunMethod.REFRESH, new Lifetime(600)))).isEqualTo(441);
    }

    @Test
    void refreshToZeroDeletesAndTheAllocationExpiresOtherwise() throws Exception {
        start(b -> b);
        TurnClient first = fixture.alice();
        first.allocate();
        assertThat(first.refresh(0)).isZero();
        assertThat(fixture.server.allocations()).isZero();
        assertThat(errorOf(first.request(StunMethod.REFRESH, new Lifetime(0)))).as("already gone").isEqualTo(437);

        TurnClient second = fixture.alice();
        second.allocate();
        fixture.advance(Duration.ofSeconds(599));
        assertThat(fixture.server.allocations()).isEqualTo(1);
        fixture.advance(Duration.ofSeconds(2));
        assertThat(fixture.server.allocations()).isZero();
        assertThat(fixture.counter(TurnCounter.ALLOCATIONS_DELETED)).isEqualTo(2);
    }

    @Test
    void quotasPerUserAndInTotalAnswer486() throws Exception {
        start(b -> b.quotas(2, 3, 0));
        fixture.alice().allocate();
        fixture.alice().allocate();
        assertThat(errorOf(fixture.alice().request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(486);
        fixture.client("bob", "builder").allocate();
        assertThat(errorOf(fixture.client("bob", "builder").request(StunMethod.ALLOCATE, new RequestedTransport(17))))
                .as("total").isEqualTo(486);
    }

    @Test
    void evenPortWithReservationKeepsTheNextPortForTheToken() throws Exception {
        start(b -> b);
        TurnClient rtp = fixture.alice();
        StunMessage first = rtp.request(StunMethod.ALLOCATE, new RequestedTransport(17), new EvenPort(true));
        int port = first.find(XorRelayedAddress.class).orElseThrow().address().getPort();
        assertThat(port % 2).isZero();
        long token = first.find(ReservationToken.class).orElseThrow().token();
        TurnClient rtcp = fixture.alice();
        StunMessage second = rtcp.request(StunMethod.ALLOCATE, new RequestedTransport(17), new ReservationToken(token));
        assertThat(second.find(XorRelayedAddress.class).orElseThrow().address().getPort()).isEqualTo(port + 1);
        TurnClient late = fixture.alice();
        assertThat(errorOf(late.request(StunMethod.ALLOCATE, new RequestedTransport(17), new ReservationToken(token))))
                .as("a token is redeemed once").isEqualTo(508);
    }

    @Test
    void messageIntegritySha256IsCheckedAndAnsweredInKind() throws Exception {
        start(b -> b);
        TurnClient client = fixture.alice();
        client.request(StunMethod.REFRESH); // 401, then 437: the client now holds a nonce
        byte[] key = StunCredentials.longTermKey("alice", "cascade.test", "wonderland");
        String nonce = client.nonce();
        byte[] request = StunMessageBuilder.request(StunMethod.ALLOCATE, TransactionId.random(new SecureRandom()))
                .add(new RequestedTransport(17)).add(new Username("alice")).add(new Realm("cascade.test"))
                .add(new Nonce(nonce)).messageIntegritySha256(key).fingerprint().encode();
        StunMessage response = client.exchange(request);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(response, key)).isTrue();
        assertThat(response.contains(MessageIntegrity.TYPE)).isFalse();

        byte[] forged = StunMessageBuilder.request(StunMethod.REFRESH, TransactionId.random(new SecureRandom()))
                .add(new Username("alice")).add(new Realm("cascade.test")).add(new Nonce(nonce))
                .messageIntegritySha256(StunCredentials.longTermKey("alice", "cascade.test", "guess")).encode();
        assertThat(errorOf(client.exchange(forged))).isEqualTo(401);
    }

    @Test
    void restCredentialsCountAgainstTheirUserWhateverTheExpiry() throws Exception {
        start(b -> b.quotas(2, 100, 0));
        var rest = fixture.server.credentials().rest().orElseThrow();
        for (int i = 0; i < 2; i++) {
            var credential = rest.issue("dave", Duration.ofMinutes(30 + i));
            fixture.client(credential.username(), credential.password()).allocate();
        }
        var third = rest.issue("dave", Duration.ofHours(2));
        assertThat(errorOf(fixture.client(third.username(), third.password())
                .request(StunMethod.ALLOCATE, new RequestedTransport(17)))).isEqualTo(486);
        var other = rest.issue("erin", Duration.ofHours(2));
        fixture.client(other.username(), other.password()).allocate();
    }

    @Test
    void anIpv6RelayIsRefusedWith440OnThisIpv4Server() throws Exception {
        start(b -> b);
        StunMessage response = fixture.alice().request(StunMethod.ALLOCATE, new RequestedTransport(17),
                RequestedAddressFamily.of(AddressFamily.IPV6));
        assertThat(errorOf(response)).isEqualTo(440);
        StunMessage dual = fixture.alice().request(StunMethod.ALLOCATE, new RequestedTransport(17),
                AdditionalAddressFamily.of(AddressFamily.IPV6));
        assertThat(dual.messageClass()).as("dual allocation: the IPv4 half").isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(dual.find(AddressErrorCode.class).orElseThrow().code()).isEqualTo(440);
    }

    static int errorOf(StunMessage response) {
        return response.find(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }
}
