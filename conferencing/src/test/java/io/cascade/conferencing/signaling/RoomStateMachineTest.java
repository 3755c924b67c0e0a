// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.users.InMemoryUserService;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rooms on one node with a fake SFU and a manual clock: membership, mesh relay, the move to the SFU and back. */
class RoomStateMachineTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final FakeSfu sfu = new FakeSfu();
    private final SignalingNode node = new SignalingNode(SignalingSettings.defaults("A"), clock,
            InMemoryUserService.seeded(), new Authenticator(Optional.of("dev"), Optional.empty(), clock),
            new InMemoryLocator(new InMemoryLocator.Cluster(), "A"), (to, m) -> { }, CallEvents.none(),
            new RoomEvents() {
                @Override
                public void participantJoined(String room, String user, int members, boolean audioOnly) {
                    events.add("joined " + room + " " + user + " " + members);
                }

                @Override
                public void participantLeft(String room, String user, int members) {
                    events.add("left " + room + " " + user + " " + members);
                }

                @Override
                public void modeChanged(String room, RoomMode mode, RoomMode previous, int members, int threshold) {
                    events.add("mode " + room + " " + previous + "->" + mode + " " + members + "/" + threshold);
                }
            }, MeshThreshold.DEFAULT);

    RoomStateMachineTest() {
        node.sfu(sfu, Runnable::run);
    }

    private TestClient connect(String user) {
        TestClient c = new TestClient(user);
        c.connection = node.open(c, "dev", user);
        c.take(ServerMessage.Welcome.class);
        return c;
    }

    private void send(TestClient c, String json) {
        node.onText(c.connection, json);
    }

    private TestClient join(String user, String room) {
        TestClient c = connect(user);
        send(c, "{\"type\":\"room.join\",\"room\":\"" + room + "\"}");
        return c;
    }

    @Test
    void joinersSeeTheOthersAndTheOthersSeeThemAndMeshSdpIsRelayed() {
        TestClient a = join("alice", "r1");
        ServerMessage.RoomJoined first = a.take(ServerMessage.RoomJoined.class);
        assertThat(first.mode()).isEqualTo(RoomMode.MESH);
        assertThat(first.threshold()).isEqualTo(4);
        assertThat(first.participants()).isEmpty();

        TestClient b = join("bob", "r1");
        assertThat(b.take(ServerMessage.RoomJoined.class).participants())
                .containsExactly(new ServerMessage.Participant("alice", false));
        assertThat(a.take(ServerMessage.ParticipantJoined.class).user()).isEqualTo("bob");

        send(a, "{\"type\":\"room.sdp\",\"room\":\"r1\",\"to\":\"bob\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        ServerMessage.RoomSdp sdp = b.take(ServerMessage.RoomSdp.class);
        assertThat(sdp.from()).isEqualTo("alice");
        send(b, "{\"type\":\"room.ice\",\"room\":\"r1\",\"to\":\"alice\",\"candidate\":{\"candidate\":\"candidate:1\"}}");
        assertThat(a.take(ServerMessage.RoomIce.class).candidate().candidate()).isEqualTo("candidate:1");

        send(b, "{\"type\":\"room.sdp\",\"room\":\"r1\",\"to\":\"carol\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        assertThat(b.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.NOT_IN_ROOM);

        send(b, "{\"type\":\"room.leave\",\"room\":\"r1\"}");
        b.take(ServerMessage.RoomLeft.class);
        assertThat(a.take(ServerMessage.ParticipantLeft.class).user()).isEqualTo("bob");
        assertThat(events).containsExactly("joined r1 alice 1", "mode r1 null->MESH 1/4", "joined r1 bob 2", "left r1 bob 1");
    }

    @Test
    void theFifthJoinerMovesTheRoomToTheSfuAndLeavingBringsItBack() {
        List<TestClient> four = new ArrayList<>();
        for (String u : List.of("alice", "bob", "carol", "dave")) {
            four.add(join(u, "big"));
        }
        four.forEach(TestClient::drain);
        TestClient erin = join("erin", "big");
        assertThat(erin.take(ServerMessage.RoomJoined.class).mode()).isEqualTo(RoomMode.SFU);
        for (TestClient c : four) {
            ServerMessage.RoomModeChanged m = c.take(ServerMessage.RoomModeChanged.class);
            assertThat(m.mode()).isEqualTo(RoomMode.SFU);
            assertThat(m.members()).isEqualTo(5);
        }
        assertThat(erin.pending(ServerMessage.RoomModeChanged.class)).isEmpty();
        assertThat(node.rooms().mode("big")).contains(RoomMode.SFU);

        // alice publishes; the others hear of her stream only once it is live
        send(four.get(0), "{\"type\":\"room.publish\",\"room\":\"big\",\"track\":\"cam\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        FakeSfu.Opened pub = sfu.last("publish");
        assertThat(pub.stream()).isEqualTo("room/big/alice/cam");
        assertThat(four.get(0).take(ServerMessage.RoomAnswer.class).description().sdp()).isEqualTo("v=0 answer " + pub.id());
        send(erin, "{\"type\":\"room.subscribe\",\"room\":\"big\",\"user\":\"alice\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        assertThat(erin.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.SFU_REFUSED);
        pub.live().complete(null);
        assertThat(erin.take(ServerMessage.RoomStream.class)).isEqualTo(new ServerMessage.RoomStream("big", "alice", RoomTrack.CAM, true));

        send(erin, "{\"type\":\"room.bandwidth\",\"room\":\"big\",\"downlinkKbps\":150}");
        send(erin, "{\"type\":\"room.subscribe\",\"room\":\"big\",\"user\":\"alice\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        FakeSfu.Opened play = sfu.last("play");
        assertThat(play.stream()).isEqualTo("room/big/alice/cam");
        assertThat(erin.take(ServerMessage.RoomAnswer.class).user()).isEqualTo("alice");
        assertThat(sfu.limits).containsEntry(play.id(), 150);

        // erin leaves: 4 members, back to mesh; her playing session is closed
        node.onClose(erin.connection);
        assertThat(sfu.closed).contains(play.id());
        for (TestClient c : four) {
            assertThat(c.take(ServerMessage.RoomModeChanged.class).mode()).isEqualTo(RoomMode.MESH);
        }
        assertThat(events).contains("mode big MESH->SFU 5/4", "mode big SFU->MESH 4/4");
    }

    @Test
    void aLowUplinkLowersTheThreshold() {
        TestClient a = join("alice", "r2");
        TestClient b = join("bob", "r2");
        TestClient c = join("carol", "r2");
        a.drain();
        send(b, "{\"type\":\"room.bandwidth\",\"room\":\"r2\",\"uplinkKbps\":1000}");
        ServerMessage.RoomModeChanged m = a.take(ServerMessage.RoomModeChanged.class);
        assertThat(m.mode()).isEqualTo(RoomMode.SFU);
        assertThat(m.threshold()).isEqualTo(2);
        assertThat(c.pending(ServerMessage.RoomModeChanged.class)).hasSize(1);
    }

    @Test
    void aPublisherThatEndsIsAnnouncedAndAudioOnlyMembersAreMarked() {
        TestClient a = connect("alice");
        send(a, "{\"type\":\"room.join\",\"room\":\"r3\",\"audioOnly\":true}");
        TestClient b = join("bob", "r3");
        assertThat(b.take(ServerMessage.RoomJoined.class).participants())
                .containsExactly(new ServerMessage.Participant("alice", true));
        send(a, "{\"type\":\"room.publish\",\"room\":\"r3\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        FakeSfu.Opened pub = sfu.last("publish");
        pub.live().complete(null);
        assertThat(b.take(ServerMessage.RoomStream.class).live()).isTrue();
        pub.ended().complete("consent expired");
        assertThat(b.take(ServerMessage.RoomStream.class).live()).isFalse();
    }

    @Test
    void roomChatGoesToEveryoneWithReceipts() {
        TestClient a = join("alice", "r4");
        TestClient b = join("bob", "r4");
        TestClient c = join("carol", "r4");
        send(a, "{\"type\":\"room.chat\",\"room\":\"r4\",\"id\":\"m1\",\"text\":\"hi all\"}");
        assertThat(b.take(ServerMessage.RoomChatMessage.class).text()).isEqualTo("hi all");
        assertThat(c.take(ServerMessage.RoomChatMessage.class).from()).isEqualTo("alice");
        assertThat(a.take(ServerMessage.RoomChatReceipt.class).status()).isEqualTo(ReceiptStatus.SENT);
        send(b, "{\"type\":\"room.chat.ack\",\"room\":\"r4\",\"id\":\"m1\",\"status\":\"read\"}");
        assertThat(a.take(ServerMessage.RoomChatReceipt.class).status()).isEqualTo(ReceiptStatus.READ);
    }

    @Test
    void theLoudestMemberBecomesTheSpeakerAfterTheHoldTime() {
        TestClient a = join("alice", "r5");
        TestClient b = join("bob", "r5");
        send(a, "{\"type\":\"room.level\",\"room\":\"r5\",\"level\":0.3}");
        assertThat(b.take(ServerMessage.RoomSpeaker.class).user()).isEqualTo("alice");
        assertThat(a.take(ServerMessage.RoomSpeaker.class).user()).isEqualTo("alice");
        clock.advance(Duration.ofMillis(200));
        send(b, "{\"type\":\"room.level\",\"room\":\"r5\",\"level\":0.9}");
        assertThat(b.pending(ServerMessage.RoomSpeaker.class)).isEmpty(); // within the hold time
        clock.advance(Duration.ofMillis(1000));
        send(b, "{\"type\":\"room.level\",\"room\":\"r5\",\"level\":0.9}");
        assertThat(a.take(ServerMessage.RoomSpeaker.class).user()).isEqualTo("bob");
    }
}
