// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.signaling.ServerMessage.Accepted;
import io.cascade.conferencing.signaling.ServerMessage.Ended;
import io.cascade.conferencing.signaling.ServerMessage.Incoming;
import io.cascade.conferencing.signaling.ServerMessage.Ringing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every way a 1:1 call can go, on one node and across two, with a manual clock and held links. */
class CallStateMachineTest {
    private final Net net = new Net();

    @Test
    void inviteRingsAcceptStartsAndHangupEndsBothSidesWithTheDuration() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        assertThat(bob.take(Incoming.class)).isEqualTo(new Incoming("c1", "alice", caps()));
        assertThat(alice.take(Ringing.class).to()).isEqualTo("bob");

        net.accept("A", bob, "c1");
        Accepted a = alice.take(Accepted.class);
        assertThat(a.role()).isEqualTo(CallRole.CALLER);
        assertThat(a.peer()).isEqualTo("bob");
        assertThat(bob.take(Accepted.class).role()).isEqualTo(CallRole.CALLEE);
        assertThat(net.node("A").calls()).containsEntry("c1", CallState.ACTIVE);

        net.send("A", alice, "{\"type\":\"call.sdp\",\"callId\":\"c1\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        assertThat(bob.take(ServerMessage.Sdp.class).from()).isEqualTo("alice");
        net.send("A", bob, "{\"type\":\"call.ice\",\"callId\":\"c1\",\"candidate\":{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\"}}");
        assertThat(alice.take(ServerMessage.Ice.class).candidate().candidate()).isEqualTo("candidate:1");

        net.clock.advance(Duration.ofSeconds(42));
        net.callScoped("A", bob, "call.hangup", "c1");
        assertThat(alice.take(Ended.class)).isEqualTo(new Ended("c1", "bob", EndReason.HANGUP, "bob hung up", 42_000));
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.HANGUP);
        assertThat(net.events()).containsExactly("started c1", "ended c1 hangup 42000");
        assertThat(net.node("A").calls()).isEmpty();
    }

    @Test
    void declineEndsTheCallForTheCaller() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        bob.take(Incoming.class);
        net.callScoped("A", bob, "call.decline", "c1");
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.DECLINED);
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.DECLINED);
        assertThat(net.events()).containsExactly("ended c1 declined 0");
    }

    @Test
    void aCalleeInAnotherCallIsBusyAndHearsNothing() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        TestClient carol = net.connect("A", "carol");
        net.invite("A", alice, "bob", "c1");
        net.accept("A", bob, "c1");
        bob.drain();
        net.invite("A", carol, "bob", "c2");
        Ended busy = carol.take(Ended.class);
        assertThat(busy.reason()).isEqualTo(EndReason.BUSY);
        assertThat(busy.message()).isEqualTo("bob is in another call");
        assertThat(bob.pending(ServerMessage.class)).isEmpty();
        assertThat(net.node("A").calls()).containsOnlyKeys("c1");
    }

    @Test
    void aCallerAlreadyInACallGetsAnErrorNotANewCall() {
        TestClient alice = net.connect("A", "alice");
        net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        net.invite("A", alice, "carol", "c2");
        assertThat(alice.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.BUSY);
    }

    @Test
    void anOfflineCalleeEndsTheCallAtOnce() {
        TestClient alice = net.connect("A", "alice");
        net.invite("A", alice, "dave", "c1");
        assertThat(alice.take(Ended.class)).isEqualTo(new Ended("c1", "dave", EndReason.OFFLINE, "dave is offline", 0));
        assertThat(net.events()).containsExactly("ended c1 offline 0");
    }

    @Test
    void anUnansweredCallTimesOutAfterTheRingTimeoutAndNotBefore() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        bob.take(Incoming.class);
        net.advance(Duration.ofSeconds(29));
        assertThat(alice.pending(Ended.class)).isEmpty();
        assertThat(net.node("A").calls()).containsEntry("c1", CallState.RINGING);
        net.advance(Duration.ofSeconds(1));
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.TIMEOUT);
        Ended forBob = bob.take(Ended.class);
        assertThat(forBob.reason()).isEqualTo(EndReason.TIMEOUT);
        assertThat(forBob.message()).isEqualTo("no answer within 30 s");
    }

    @Test
    void theRingTimeoutIsConfigurable() {
        Net quick = new Net(SignalingSettings.defaults("x").withRingTimeout(Duration.ofSeconds(5)));
        TestClient alice = quick.connect("A", "alice");
        quick.connect("A", "bob");
        quick.invite("A", alice, "bob", "c1");
        quick.advance(Duration.ofSeconds(5));
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.TIMEOUT);
    }

    @Test
    void aCallerHangingUpWhileItRingsCancels() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        net.callScoped("A", alice, "call.hangup", "c1");
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.CANCELLED);
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.CANCELLED);
    }

    @Test
    void aClosedConnectionEndsItsCallForThePeer() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        net.accept("A", bob, "c1");
        net.close("A", bob);
        Ended e = alice.take(Ended.class);
        assertThat(e.reason()).isEqualTo(EndReason.DISCONNECTED);
        assertThat(e.message()).isEqualTo("bob left the call");
    }

    @Test
    void noCommonCodecEndsTheCallAsIncompatible() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "c1");
        net.send("A", bob, "{\"type\":\"call.accept\",\"callId\":\"c1\",\"caps\":{\"maxBitrateKbps\":500,\"codecs\":[\"AV1\"],"
                + "\"maxResolution\":{\"width\":640,\"height\":360}}}");
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.INCOMPATIBLE);
    }

    @Test
    void onlyTheCalleeAcceptsAndStrangersCannotTouchTheCall() {
        TestClient alice = net.connect("A", "alice");
        net.connect("A", "bob");
        TestClient carol = net.connect("A", "carol");
        net.invite("A", alice, "bob", "c1");
        net.accept("A", alice, "c1");
        assertThat(alice.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.WRONG_STATE);
        net.callScoped("A", carol, "call.hangup", "c1");
        assertThat(carol.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.UNKNOWN_CALL);
        net.send("A", alice, "{\"type\":\"call.sdp\",\"callId\":\"c1\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        assertThat(alice.take(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.WRONG_STATE);
    }

    // ---- glare

    @Test
    void glareOnOneNodeTheCallOfTheLowerNameGoesOn() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", alice, "bob", "by-alice");
        net.invite("A", bob, "alice", "by-bob");
        Ended lost = bob.take(Ended.class);
        assertThat(lost.callId()).isEqualTo("by-bob");
        assertThat(lost.reason()).isEqualTo(EndReason.GLARE);
        assertThat(net.node("A").calls()).containsOnlyKeys("by-alice");
        net.accept("A", bob, "by-alice");
        assertThat(alice.take(Accepted.class).callId()).isEqualTo("by-alice");
    }

    @Test
    void glareOnOneNodeTheLaterInviteWinsWhenItsCallerSortsFirst() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("A", "bob");
        net.invite("A", bob, "alice", "by-bob");
        alice.take(Incoming.class);
        net.invite("A", alice, "bob", "by-alice");
        Ended lost = bob.take(Ended.class);
        assertThat(lost.callId()).isEqualTo("by-bob");
        assertThat(lost.reason()).isEqualTo(EndReason.GLARE);
        assertThat(bob.take(Incoming.class).callId()).isEqualTo("by-alice");
        assertThat(net.node("A").calls()).containsOnlyKeys("by-alice");
    }

    @Test
    void glareAcrossNodesBothSidesPickTheSameSurvivor() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("B", "bob");
        net.invite("A", alice, "bob", "by-alice");
        net.invite("B", bob, "alice", "by-bob");
        net.flush(); // both rings cross
        assertThat(net.node("A").calls()).containsOnlyKeys("by-alice");
        assertThat(net.node("B").calls()).isEmpty();
        assertThat(bob.take(Ended.class)).satisfies(e -> {
            assertThat(e.callId()).isEqualTo("by-bob");
            assertThat(e.reason()).isEqualTo(EndReason.GLARE);
        });
        assertThat(bob.take(Incoming.class).callId()).isEqualTo("by-alice");
        assertThat(alice.take(Ringing.class).callId()).isEqualTo("by-alice");
        assertThat(alice.pending(Ended.class)).isEmpty();
        net.accept("B", bob, "by-alice");
        net.flush();
        assertThat(alice.take(Accepted.class).callId()).isEqualTo("by-alice");
        assertThat(net.events()).contains("ended by-bob glare 0", "started by-alice");
    }

    // ---- two nodes

    @Test
    void aCallBetweenNodesRelaysEverythingThroughTheCallersNode() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("B", "bob");
        net.invite("A", alice, "bob", "c1");
        net.flush();
        bob.take(Incoming.class);
        alice.take(Ringing.class);
        net.accept("B", bob, "c1");
        net.flush();
        alice.take(Accepted.class);
        bob.take(Accepted.class);
        net.send("B", bob, "{\"type\":\"call.sdp\",\"callId\":\"c1\",\"description\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}");
        net.flush();
        assertThat(alice.take(ServerMessage.Sdp.class).description().type()).isEqualTo(SdpType.ANSWER);
        net.callScoped("A", alice, "call.hangup", "c1");
        net.flush();
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.HANGUP);
        // bob is free again: carol on B can call him
        TestClient carol = net.connect("B", "carol");
        net.invite("B", carol, "bob", "c2");
        assertThat(bob.take(Incoming.class).from()).isEqualTo("carol");
    }

    @Test
    void theCalleesNodeDyingEndsTheCallAtTheCallersNode() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("B", "bob");
        net.invite("A", alice, "bob", "c1");
        net.flush();
        net.accept("B", bob, "c1");
        net.flush();
        alice.drain();
        net.cluster.dead.add("B");
        net.advance(Duration.ofSeconds(1));
        assertThat(alice.take(Ended.class).reason()).isEqualTo(EndReason.DISCONNECTED);
    }

    @Test
    void theCallersNodeDyingEndsTheCallForTheCallee() {
        TestClient alice = net.connect("A", "alice");
        TestClient bob = net.connect("B", "bob");
        net.invite("A", alice, "bob", "c1");
        net.flush();
        net.accept("B", bob, "c1");
        net.flush();
        bob.drain();
        net.cluster.dead.add("A");
        net.node("B").tick();
        assertThat(bob.take(Ended.class).reason()).isEqualTo(EndReason.DISCONNECTED);
    }

    private static Capabilities caps() {
        return SignalingJson.read(Net.CAPS, Capabilities.class);
    }
}
