// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.signaling.ServerMessage.ChatReceipt;
import io.cascade.conferencing.signaling.ServerMessage.Ended;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inside an answered call: bandwidth re-agreement, media mode reports, chat and its receipts; presence and policy. */
class InCallFeaturesTest {
    private final Net net = new Net();
    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void answeredCall() {
        alice = net.connect("A", "alice");
        bob = net.connect("B", "bob");
        net.invite("A", alice, "bob", "c1");
        net.flush();
        net.accept("B", bob, "c1");
        net.flush();
        alice.drain();
        bob.drain();
    }

    @Test
    void aLowerBandwidthReportSendsTheNewAgreedConfigurationToBothAndAnEvent() {
        net.send("B", bob, "{\"type\":\"call.bandwidth\",\"callId\":\"c1\",\"maxBitrateKbps\":800}");
        net.flush();
        ServerMessage.Config forAlice = alice.take(ServerMessage.Config.class);
        assertThat(forAlice.config().maxBitrateKbps()).isEqualTo(800);
        assertThat(forAlice.config().maxResolution()).isEqualTo(new Resolution(640, 360));
        assertThat(forAlice.by()).isEqualTo("bob");
        assertThat(bob.take(ServerMessage.Config.class).config()).isEqualTo(forAlice.config());
        assertThat(net.events()).contains("config c1 800 by bob");

        // a report above what bob declared (2000) recovers only up to it; the same report twice changes nothing
        net.send("B", bob, "{\"type\":\"call.bandwidth\",\"callId\":\"c1\",\"maxBitrateKbps\":9000}");
        net.flush();
        assertThat(alice.take(ServerMessage.Config.class).config().maxBitrateKbps()).isEqualTo(2000);
        net.send("B", bob, "{\"type\":\"call.bandwidth\",\"callId\":\"c1\",\"maxBitrateKbps\":9000}");
        net.flush();
        assertThat(alice.pending(ServerMessage.Config.class)).isEmpty();
    }

    @Test
    void aModeSwitchIsAnEventOncePerChange() {
        net.send("A", alice, "{\"type\":\"call.mode\",\"callId\":\"c1\",\"mode\":\"p2p\"}");
        net.send("A", alice, "{\"type\":\"call.mode\",\"callId\":\"c1\",\"mode\":\"p2p\"}");
        net.send("A", alice, "{\"type\":\"call.mode\",\"callId\":\"c1\",\"mode\":\"relay\"}");
        assertThat(net.events()).containsSubsequence("mode c1 alice -->p2p", "mode c1 alice p2p->relay");
        assertThat(net.events().stream().filter(l -> l.startsWith("mode")).count()).isEqualTo(2);
    }

    @Test
    void chatGetsSentDeliveredAndReadReceiptsAndIsKeptForTheCall() {
        net.send("A", alice, "{\"type\":\"chat.send\",\"callId\":\"c1\",\"id\":\"m1\",\"text\":\"hello bob\"}");
        net.flush();
        assertThat(alice.take(ChatReceipt.class).status()).isEqualTo(ReceiptStatus.SENT);
        ServerMessage.ChatMessage m = bob.take(ServerMessage.ChatMessage.class);
        assertThat(m.text()).isEqualTo("hello bob");
        assertThat(m.from()).isEqualTo("alice");
        assertThat(m.time()).isEqualTo(net.clock.instant());

        net.send("B", bob, "{\"type\":\"chat.ack\",\"callId\":\"c1\",\"id\":\"m1\",\"status\":\"delivered\"}");
        net.send("B", bob, "{\"type\":\"chat.ack\",\"callId\":\"c1\",\"id\":\"m1\",\"status\":\"read\"}");
        net.send("B", bob, "{\"type\":\"chat.ack\",\"callId\":\"c1\",\"id\":\"m1\",\"status\":\"delivered\"}");
        net.flush();
        assertThat(alice.take(ChatReceipt.class).status()).isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(alice.take(ChatReceipt.class).status()).isEqualTo(ReceiptStatus.READ);
        assertThat(alice.pending(ChatReceipt.class)).isEmpty(); // receipts never go back

        net.send("A", alice, "{\"type\":\"chat.ack\",\"callId\":\"c1\",\"id\":\"m1\",\"status\":\"read\"}");
        assertThat(alice.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        net.send("A", alice, "{\"type\":\"chat.send\",\"callId\":\"c1\",\"id\":\"m1\",\"text\":\"again\"}");
        assertThat(alice.take(ServerMessage.Error.class).message()).contains("already used");

        net.send("B", bob, "{\"type\":\"chat.history\",\"callId\":\"c1\"}");
        net.flush();
        assertThat(bob.take(ServerMessage.ChatLog.class).messages()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ReceiptStatus.READ));

        net.callScoped("A", alice, "call.hangup", "c1");
        net.flush();
        net.send("B", bob, "{\"type\":\"chat.history\",\"callId\":\"c1\"}");
        assertThat(bob.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.UNKNOWN_CALL);
    }

    @Test
    void contactsSeePresenceOnlineAndOfflineWithLastSeen() {
        TestClient carol = net.connect("A", "carol");
        net.node("A").tick();
        carol.drain();
        net.clock.advance(Duration.ofMinutes(3));
        net.close("B", bob);
        net.node("A").tick();
        ServerMessage.Presence gone = carol.take(ServerMessage.Presence.class);
        assertThat(gone.user()).isEqualTo("bob");
        assertThat(gone.status()).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(gone.lastSeen()).isNotNull();
        TestClient again = net.connect("B", "bob");
        assertThat(again.user).isEqualTo("bob");
        net.node("A").tick();
        assertThat(carol.take(ServerMessage.Presence.class).status()).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void presenceGoesToContactsOnlyUnlessEveryoneIsConfigured() {
        TestClient stranger = net.connect("A", "stranger");
        assertThat(net.node("A").users()).contains("stranger");
        net.connect("A", "erin");
        net.node("A").tick();
        assertThat(stranger.pending(ServerMessage.Presence.class)).isEmpty();

        Net dev = new Net(SignalingSettings.defaults("x").withPresenceToEveryone(true));
        TestClient watcher = dev.connect("A", "someone");
        dev.connect("A", "erin");
        assertThat(watcher.take(ServerMessage.Presence.class).user()).isEqualTo("erin");
    }

    @Test
    void forbiddenCallsEndAtOnceWithTheReason() {
        TestClient mallory = net.connect("A", "mallory");
        net.invite("A", mallory, "bob", "f1");
        Ended blocked = mallory.take(Ended.class);
        assertThat(blocked.reason()).isEqualTo(EndReason.BLOCKED);
        assertThat(blocked.message()).isEqualTo("bob does not accept calls from you");

        TestClient carol = net.connect("A", "carol");
        net.connect("A", "frank");
        net.invite("A", carol, "frank", "f2");
        assertThat(carol.take(Ended.class).reason()).isEqualTo(EndReason.CONTACTS_ONLY);
        net.invite("A", carol, "nobody", "f3");
        assertThat(carol.take(Ended.class).reason()).isEqualTo(EndReason.UNKNOWN_USER);
        assertThat(net.events()).contains("ended f1 blocked 0", "ended f2 contacts_only 0");

        // frank adds carol: now she may call
        TestClient frank = net.connect("A", "frank");
        net.send("A", frank, "{\"type\":\"contacts.update\",\"add\":[\"carol\"]}");
        assertThat(frank.take(ServerMessage.Contacts.class).contacts()).contains("carol");
        net.invite("A", carol, "frank", "f4");
        assertThat(frank.take(ServerMessage.Incoming.class).from()).isEqualTo("carol");
    }

    @Test
    void aSecondConnectionOfTheSameUserReplacesTheFirst() {
        TestClient second = net.connect("A", "alice");
        assertThat(alice.closedWith).isEqualTo(4000);
        assertThat(net.node("A").users()).containsOnlyOnce("alice");
        assertThat(second.user).isEqualTo("alice");
        // the old connection's call ended with it
        net.flush();
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.DISCONNECTED);
    }
}
