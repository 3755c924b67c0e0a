// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static io.cascade.conferencing.turn.AllocateTest.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.turn.bench.TurnClient;
import io.cascade.distribution.stun.ChannelData;
import io.cascade.distribution.stun.ChannelNumber;
import io.cascade.distribution.stun.Data;
import io.cascade.distribution.stun.DontFragment;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.XorPeerAddress;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay (RFC 8656 §9-§12): two clients of one server reach each other through their relayed
 * addresses, as {@code turnutils_uclient -y} and two browsers behind TURN do.
 */
class RelayTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private TurnServerFixture fixture;
    private TurnClient a;
    private TurnClient b;
    private InetSocketAddress relayA;
    private InetSocketAddress relayB;

    @AfterEach
    void close() throws IOException {
        fixture.close();
    }

    private void start(UnaryOperator<TurnServerConfig.Builder> tweak) throws IOException {
        fixture = new TurnServerFixture(tweak);
        a = fixture.alice();
        b = fixture.client("bob", "builder");
        relayA = a.allocate();
        relayB = b.allocate();
        a.refresh(3600);
        b.refresh(3600);
    }

    @Test
    void sendIndicationBecomesADataIndicationOnceBothSidesPermit() throws Exception {
        start(t -> t);
        a.sendRaw(send(relayB, "before any permission"));
        assertThat(b.receive(SHORT)).isNull();
        Await.until("drop counted", () -> fixture.counter(TurnCounter.DROPPED_NO_PERMISSION) >= 1);

        a.createPermission(relayB);
        b.createPermission(relayA);
        a.sendRaw(send(relayB, "hello bob"));
        StunMessage data = StunDecoder.decode(b.receive(SHORT));
        assertThat(data.method()).isEqualTo(StunMethod.DATA);
        assertThat(data.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(data.find(XorPeerAddress.class).orElseThrow().address()).isEqualTo(relayA);
        assertThat(text(data.find(Data.class).orElseThrow().value())).isEqualTo("hello bob");
    }

    @Test
    void channelDataFlowsBothWaysOnBoundChannels() throws Exception {
        start(t -> t);
        a.channelBind(0x4001, relayB);
        b.channelBind(0x4abc, relayA);
        a.sendRaw(new ChannelData(0x4001, bytes("ping")).encode(ChannelData.Framing.DATAGRAM));
        ChannelData atB = ChannelData.decode(b.receive(SHORT), 0, 8, ChannelData.Framing.DATAGRAM);
        assertThat(atB.channelNumber()).isEqualTo(0x4abc);
        assertThat(text(atB.data())).isEqualTo("ping");
        b.sendRaw(new ChannelData(0x4abc, bytes("pong!")).encode(ChannelData.Framing.DATAGRAM));
        byte[] atA = a.receive(SHORT);
        assertThat(ChannelData.decode(atA, 0, atA.length, ChannelData.Framing.DATAGRAM).data()).isEqualTo(bytes("pong!"));
        assertThat(fixture.counter(TurnCounter.RELAYED_TO_PEER)).isEqualTo(2);
    }

    @Test
    void permissionsExpireAfterFiveMinutesUnlessRefreshed() throws Exception {
        start(t -> t);
        a.createPermission(relayB);
        b.createPermission(relayA);
        fixture.advance(Duration.ofSeconds(290));
        b.createPermission(relayA); // B refreshes; A does not
        fixture.advance(Duration.ofSeconds(20));
        a.sendRaw(send(relayB, "A's permission is gone"));
        assertThat(b.receive(SHORT)).isNull();
        b.sendRaw(send(relayA, "B's is still there"));
        assertThat(a.receive(SHORT)).as("A's relay drops what arrives from B: no permission for B at A").isNull();
        a.createPermission(relayB);
        b.sendRaw(send(relayA, "now both"));
        assertThat(text(StunDecoder.decode(a.receive(SHORT)).find(Data.class).orElseThrow().value())).isEqualTo("now both");
    }

    @Test
    void channelsLastTenMinutesAndPermissionsStillNeedRefreshing() throws Exception {
        start(t -> t);
        a.channelBind(0x4001, relayB);
        b.createPermission(relayA);
        byte[] frame = new ChannelData(0x4001, bytes("x")).encode(ChannelData.Framing.DATAGRAM);
        fixture.advance(Duration.ofSeconds(299));
        b.createPermission(relayA);
        a.createPermission(relayB);
        fixture.advance(Duration.ofSeconds(290)); // t = 589 s: channel alive, permissions refreshed at 299
        a.sendRaw(frame);
        assertThat(b.receive(SHORT)).isNotNull();
        a.createPermission(relayB);
        b.createPermission(relayA);
        fixture.advance(Duration.ofSeconds(12)); // t = 601 s: the channel expired
        long before = fixture.counter(TurnCounter.DROPPED_NO_CHANNEL);
        a.sendRaw(frame);
        Await.until("no-channel drop", () -> fixture.counter(TurnCounter.DROPPED_NO_CHANNEL) > before);
        a.channelBind(0x4002, relayB); // the peer is free again for another number
    }

    @Test
    void aChannelNumberOrPeerAlreadyBoundElsewhereIs400() throws Exception {
        start(t -> t);
        a.channelBind(0x4001, relayB);
        assertThat(errorOf(a.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(relayA))))
                .isEqualTo(400);
        assertThat(errorOf(a.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4002), new XorPeerAddress(relayB))))
                .isEqualTo(400);
        assertThat(errorOf(a.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x3FFF), new XorPeerAddress(relayB))))
                .isEqualTo(400);
        a.channelBind(0x4001, relayB); // the same binding again refreshes it
    }

    @Test
    void forbiddenPeersAre403InEveryEncodingWhenLoopbackIsNotAllowListed() throws Exception {
        start(t -> t.allowLoopbackPeers(false));
        for (String peer : new String[] {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "169.254.169.254", "224.0.0.1", "255.255.255.255"}) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(peer), 3478);
            assertThat(errorOf(a.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(address)))).as(peer).isEqualTo(403);
            assertThat(errorOf(a.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(address))))
                    .as(peer).isEqualTo(403);
        }
        // The IPv4-mapped form of loopback never reaches an IPv4 relay either: 443 (family) first.
        InetSocketAddress mapped = new InetSocketAddress(Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 1}, -1), 3478);
        assertThat(errorOf(a.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(mapped)))).isEqualTo(443);
        a.createPermission(new InetSocketAddress("8.8.8.8", 3478)); // public: allowed
        assertThat(fixture.counter(TurnCounter.FORBIDDEN_PEER_REQUESTS)).isEqualTo(20);
    }

    @Test
    void sendIndicationsWithDontFragmentAreDiscarded() throws Exception {
        start(t -> t);
        a.createPermission(relayB);
        b.createPermission(relayA);
        byte[] withDf = StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(new SecureRandom()))
                .add(new XorPeerAddress(relayB)).add(new DontFragment()).add(new Data(bytes("df"))).encode();
        a.sendRaw(withDf);
        assertThat(b.receive(SHORT)).isNull();
    }

    @Test
    void theBandwidthQuotaDropsWhatExceedsIt() throws Exception {
        start(t -> t.quotas(10, 100, 8)); // 8 kbit/s = 1000 bytes per second, each way
        a.channelBind(0x4001, relayB);
        b.createPermission(relayA);
        byte[] frame = new ChannelData(0x4001, new byte[400]).encode(ChannelData.Framing.DATAGRAM);
        for (int i = 0; i < 5; i++) {
            a.sendRaw(frame);
        }
        assertThat(b.drain(SHORT)).hasSize(2);
        Await.until("bandwidth drops", () -> fixture.counter(TurnCounter.DROPPED_BANDWIDTH) == 3);
    }

    @Test
    void garbageNeverStopsTheServer() throws Exception {
        start(t -> t);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length > 0 && i % 3 == 0) {
                junk[0] = (byte) (0x40 + random.nextInt(0x40)); // looks like ChannelData
            }
            a.sendRaw(junk);
        }
        a.createPermission(relayB);
        assertThat(a.refresh(600)).isEqualTo(600);
    }

    private static byte[] send(InetSocketAddress peer, String text) {
        return StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(new SecureRandom()))
                .add(new XorPeerAddress(peer)).add(new Data(bytes(text))).fingerprint().encode();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
