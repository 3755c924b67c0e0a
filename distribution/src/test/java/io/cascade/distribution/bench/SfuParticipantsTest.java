// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.Await;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SFU bench's synthetic participants against the real gateway in this JVM: one room of three,
 * each publishing a simulcast camera over WHIP (rids q/h/f by header extension) and subscribing
 * over WHEP to the two others. Every session passes ICE and DTLS, every subscription decrypts its
 * video and audio without a gap, is sent the top layer (no loss, so the relay's estimate affords
 * it), and the cameras answer the relay's keyframe requests. Functional only: nothing is timed.
 */
class SfuParticipantsTest {
    private static final int MEMBERS = 3;
    private static final int SUBSCRIPTIONS = MEMBERS * (MEMBERS - 1);

    @Test
    void aRoomOfThreePublishesSimulcastAndEveryMemberReceivesTheOthers() throws Exception {
        SfuBenchConfig config = SfuBenchConfig.parse("--room-size", "3", "--steps", "1");
        try (WhepRelay relay = new WhepRelay(1);
             ViewerFleet fleet = new ViewerFleet(null, config.sessions(1), 1, 5)) {
            URI base = relay.whep("x").resolve("/");
            String failed = new SfuRooms(fleet, base, config).grow(0, 1);
            assertThat(failed).as("sessions that did not connect; fleet: " + fleet.failures(3)).isNull();
            // ~2 s of three layers, 50 pps of audio, and the subscribers' receiver reports
            // the cameras send no sender reports, so the relay's own (wall-clock) ones start once an
            // output has run for one report interval (RelayShard.tick, randomized 0.5-1.5 s)
            Await.until("every subscription is sent a layer, 300 packets and a sender report", Duration.ofSeconds(30),
                    () -> totals(fleet).onLayer[0] + totals(fleet).onLayer[1] + totals(fleet).onLayer[2] == SUBSCRIPTIONS
                            && totals(fleet).rtpReceived >= SUBSCRIPTIONS * 300L && totals(fleet).rtcpIn > 0,
                    () -> describe(fleet));
            ViewerTotals t = fleet.totals();
            assertThat(t.publishers).as(describe(fleet)).isEqualTo(MEMBERS);
            assertThat(t.secure).as("subscriptions secured").isEqualTo(SUBSCRIPTIONS);
            assertThat(t.failed).isZero();
            assertThat(t.srtpFailed).as("SRTP/SRTCP packets that failed to unprotect").isZero();
            assertThat(t.unknownSsrc).as("packets with an SSRC the answer did not announce").isZero();
            assertThat(t.lost()).as("gaps in the sequence numbers: " + describe(fleet)).isZero();
            assertThat(t.onLayer[2]).as("subscriptions on the f layer: " + describe(fleet)).isEqualTo(SUBSCRIPTIONS);
            assertThat(t.layerPackets[2]).isPositive();
            assertThat(t.rtpSent).as("the cameras' packets").isPositive();
            assertThat(t.plisIn).as("keyframe requests from the relay (a subscriber joined)").isPositive();
            assertThat(t.keyframesSent).as("a first keyframe per layer, then one per request")
                    .isGreaterThanOrEqualTo(MEMBERS * SimulcastPublisher.LAYERS);
            assertThat(t.rtcpIn).as("the relay's sender reports, decrypted").isPositive();
            Map<String, Object> c = relay.counters();
            assertThat(c.get("sessions_secured")).isEqualTo((long) MEMBERS + SUBSCRIPTIONS);
            assertThat(c.get("secure_dropped")).as("our SRTP/SRTCP, refused by the relay").isEqualTo(0L);
            assertThat(c.get("errors")).isEqualTo(0L);
            assertThat(c.get("unknown_ssrc")).as("camera packets the relay could not place by rid").isEqualTo(0L);
        }
    }

    @Test
    void theBigRoomShapeCountsPublishersAndSubscribersOnly() {
        SfuBenchConfig big = SfuBenchConfig.parse("--shape", "big", "--publishers", "4", "--steps", "2,6");
        assertThat(big.participants(6)).isEqualTo(10);
        assertThat(big.sessions(6)).isEqualTo(4 + 6 * 4);
        SfuBenchConfig rooms = SfuBenchConfig.parse("--room-size", "5", "--steps", "1,3", "--layers-kbps", "100,300,900");
        assertThat(rooms.participants(3)).isEqualTo(15);
        assertThat(rooms.sessions(3)).isEqualTo(3 * 25);
        assertThat(rooms.camera().layerKbps()).isEqualTo(List.of(100, 300, 900));
    }

    private static ViewerTotals totals(ViewerFleet fleet) {
        try {
            return fleet.totals();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(ViewerFleet fleet) {
        try {
            ViewerTotals t = fleet.totals();
            return "publishers " + t.publishers + ", subscriptions " + t.secure + ", failed " + t.failed + " "
                    + fleet.failures(3) + ", on layer q/h/f " + t.onLayer[0] + "/" + t.onLayer[1] + "/" + t.onLayer[2]
                    + ", received " + t.rtpReceived + " of " + t.rtpExpected + ", sent " + t.rtpSent
                    + ", keyframes " + t.keyframesSent + ", plis " + t.plisIn + ", srtp failed " + t.srtpFailed
                    + ", early " + t.early;
        } catch (Exception e) {
            return "(no state: " + e + ")";
        }
    }
}
