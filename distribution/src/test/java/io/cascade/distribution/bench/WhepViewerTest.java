// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.Await;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The WHEP bench's synthetic viewers against the real gateway in this JVM: each POSTs its offer,
 * passes ICE and DTLS, and decrypts every packet of a stream published as plain RTP, with no
 * gap in any SSRC's sequence numbers. Functional only: nothing here is timed.
 */
class WhepViewerTest {
    private static final int VIEWERS = 4;

    @Test
    void viewersOfAPlainRtpStreamDecryptEveryPacketWithoutLoss() throws Exception {
        try (WhepRelay relay = new WhepRelay(1)) {
            InetSocketAddress ingress = relay.publish("t1", "127.0.0.1");
            try (RtpPublisher publisher = new RtpPublisher(ingress, 2_500_000, 1200);
                 ViewerFleet fleet = new ViewerFleet(relay.whep("t1"), VIEWERS, 1)) {
                publisher.start();
                List<CompletableFuture<WhepViewer>> secured = new ArrayList<>();
                for (int i = 0; i < VIEWERS; i++) {
                    secured.add(fleet.add());
                }
                CompletableFuture.allOf(secured.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                // ~3 s of video (260 pps) and audio (50 pps) for every viewer, and a receiver report each second
                Await.until("every viewer got 800 video and 150 audio packets", Duration.ofSeconds(30),
                        () -> min(fleet, 0) >= 800 && min(fleet, 1) >= 150, () -> describe(fleet));
                ViewerTotals t = fleet.totals();
                assertThat(t.secure).as(describe(fleet)).isEqualTo(VIEWERS);
                assertThat(t.failed).isZero();
                assertThat(t.srtpFailed).as("SRTP/SRTCP packets that failed to unprotect").isZero();
                assertThat(t.unknownSsrc).as("packets with an SSRC the answer did not announce").isZero();
                assertThat(t.rtpReceived).isGreaterThanOrEqualTo(VIEWERS * 950L);
                assertThat(t.lost()).as("gaps in the sequence numbers: " + describe(fleet)).isZero();
                assertThat(t.rtcpIn).as("the relay's sender reports, decrypted").isPositive();
                assertThat(t.reportsSent).as("our receiver reports").isGreaterThanOrEqualTo(VIEWERS);
                assertThat(relay.counters().get("subscribers_timed_out")).isEqualTo(0L);
                assertThat(relay.counters().get("secure_dropped")).as("our SRTCP, refused by the relay").isEqualTo(0L);
            }
        }
    }

    private static long min(ViewerFleet fleet, int track) {
        try {
            return fleet.receivedPerViewer(track).stream().mapToLong(Long::longValue).min().orElse(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(ViewerFleet fleet) {
        try {
            ViewerTotals t = fleet.totals();
            return "viewers " + t.viewers + ", secure " + t.secure + ", failed " + t.failed + " " + fleet.failures(3)
                    + ", video per viewer " + fleet.receivedPerViewer(0) + ", audio " + fleet.receivedPerViewer(1)
                    + ", expected " + t.rtpExpected + ", received " + t.rtpReceived + ", srtp failed " + t.srtpFailed
                    + ", early " + t.early;
        } catch (Exception e) {
            return "(no state: " + e + ")";
        }
    }
}
