// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.distribution.rtp.RtpHeader;
import io.cascade.local.junit.Await;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native receiver ({@code tsrecv.c}) behind the raw forwarder, both compiled with gcc as the
 * bench does: real sockets on 127.0.0.1, a plain publisher that stamps {@link System#nanoTime}
 * as {@link PublisherPacer} does. Checks what it counts, not how fast anything is.
 */
class NativeSubscribersTest {
    private static final int FAN_OUT = 3;
    private static final int PACKETS = 300;
    private static final int GAP_FROM = 100;
    private static final int GAP = 10;
    private static final int VIDEO_SSRC = 0x1000_0000;

    /** Woken per arrival (0) and reading every millisecond (the bench's default): the same counts. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1000})
    @Timeout(60)
    void countsDeliveriesLatencyAndSequenceGapsBehindTheRawForwarder(int pollMicros) throws Exception {
        Optional<Path> receiver = NativeSubscribers.compile();
        Optional<RawForwarder> raw = RawForwarder.compile(Duration.ofSeconds(60), List.of());
        assumeTrue(receiver.isPresent() && raw.isPresent(), "needs gcc");
        try (NativeSubscribers subscribers = NativeSubscribers.start(receiver.get(), FAN_OUT, pollMicros, Duration.ofSeconds(60));
                DatagramChannel publisher = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                RawForwarder forwarder = raw.get()) {
            assertThat(subscribers.addresses()).hasSize(FAN_OUT);
            Topology topology = new Topology(List.of(new Topology.Publisher(
                    (InetSocketAddress) publisher.getLocalAddress(), VIDEO_SSRC, VIDEO_SSRC + 1)),
                    subscribers.addresses());
            forwarder.start(topology);
            InetSocketAddress ingress = forwarder.ingress(0);

            // 1.5 s at 200 pps, sequence numbers GAP_FROM..GAP_FROM+GAP-1 never sent (as if dropped),
            // plus one datagram that is not RTP and one RTCP report (skipped, not counted).
            int sent = 0;
            for (int seq = 0; seq < PACKETS + GAP; seq++) {
                if (seq >= GAP_FROM && seq < GAP_FROM + GAP) {
                    continue;
                }
                publisher.send(packet(seq, seq < GAP_FROM ? 1 : 2), ingress);
                sent++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            publisher.send(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                    19, 20, 21, 22, 23}), ingress);
            publisher.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), ingress);
            long expected = (long) sent * FAN_OUT;
            Await.until("all copies and the invalid datagrams counted", Duration.ofSeconds(30),
                    () -> delivered(report(subscribers)) == expected && report(subscribers).invalid() == FAN_OUT,
                    () -> String.valueOf(report(subscribers)));

            NativeReport r = subscribers.report();
            assertThat(r.delivered()[0]).isZero();
            assertThat(r.delivered()[1]).isEqualTo((long) GAP_FROM * FAN_OUT);
            assertThat(r.delivered()[2]).isEqualTo((long) (PACKETS - GAP_FROM) * FAN_OUT);
            assertThat(r.received()).isEqualTo(expected + 2L * FAN_OUT); // the RTCP and the garbage too
            assertThat(r.lost()).isEqualTo((long) GAP * FAN_OUT);
            assertThat(r.lostPerSubscriber()).containsOnly(GAP);
            assertThat(r.late()).isZero();
            assertThat(r.duplicates()).isZero();
            assertThat(r.untimed()).as("every datagram carried a kernel timestamp").isZero();
            assertThat(r.negative()).as("no kernel receive time before the publisher's stamp").isZero();
            for (int phase = 1; phase <= 2; phase++) {
                LatencyHistogram h = r.latency()[phase];
                assertThat(h.count()).isEqualTo(r.delivered()[phase]);
                assertThat(h.max()).as("latency in us, positive and below a second").isPositive().isLessThan(1_000_000);
                assertThat(h.percentile(50)).isLessThanOrEqualTo(h.max());
            }
        }
    }

    @Test
    @Timeout(120)
    void aShortBenchRunMeasuresLatencyWithTheNativeReceiver() throws Exception {
        Map<String, Object> report = shortNativeRun("raw", "0.5");
        assertThat(report).containsEntry("latency_receiver", "native");
        Map<?, ?> result = (Map<?, ?>) results(report).get(0);
        assertThat(result.get("latency_receiver")).isEqualTo("native");
        Map<?, ?> counters = (Map<?, ?>) result.get("receiver_counters");
        assertThat(counters.get("negative_latency")).isEqualTo(0L);
        assertThat(counters.get("untimed")).isEqualTo(0L);
        for (Object p : (List<?>) result.get("phases")) {
            Map<?, ?> phase = (Map<?, ?>) p;
            assertThat((Long) phase.get("delivered")).as("delivered in %s", phase.get("phase")).isPositive();
            assertThat((Long) phase.get("latency_max_us")).isPositive().isLessThan(1_000_000L);
            assertThat((Long) phase.get("latency_p50_us")).isLessThanOrEqualTo((Long) phase.get("latency_max_us"));
        }
    }

    /** The second forwarder is measured at its own fractions and again at the first's offered rates. */
    @Test
    @Timeout(120)
    void theSecondForwarderIsAlsoMeasuredAtTheFirstsRates() throws Exception {
        Map<String, Object> report = shortNativeRun("raw,raw", "0.3,0.5");
        List<?> first = (List<?>) ((Map<?, ?>) results(report).get(0)).get("phases");
        List<?> second = (List<?>) ((Map<?, ?>) results(report).get(1)).get("phases");
        assertThat(phaseNames(first)).containsExactly("probe", "30%", "50%");
        assertThat(phaseNames(second)).containsExactly("probe", "30%", "50%", "@raw 30%", "@raw 50%");
        for (int i = 1; i <= 2; i++) {
            Map<?, ?> yardstick = (Map<?, ?>) first.get(i);
            Map<?, ?> matched = (Map<?, ?>) second.get(i + 2);
            assertThat(matched.get("publishers")).isEqualTo(yardstick.get("publishers"));
            assertThat((Long) matched.get("delivered")).as("delivered in %s", matched.get("phase")).isPositive();
        }
    }

    /** A bench run of a few seconds at fan-out 2, measured by the native receiver (skipped without gcc). */
    private static Map<String, Object> shortNativeRun(String forwarders, String fractions) throws Exception {
        assumeTrue(NativeSubscribers.compile().isPresent(), "needs gcc");
        LoadConfig config = LoadConfig.parse("--forwarders", forwarders, "--fan-out", "2", "--probe-out-pps", "6000",
                "--fractions", fractions, "--warmup-ms", "200", "--phase-ms", "400", "--receiver", "native");
        return RelayLoad.run(config, RelayLoad.knownForwarders());
    }

    private static List<String> phaseNames(List<?> phases) {
        return phases.stream().map(p -> String.valueOf(((Map<?, ?>) p).get("phase"))).toList();
    }

    /** The per-forwarder results of the report's first (only) fan-out. */
    private static List<?> results(Map<String, Object> report) {
        return (List<?>) ((Map<?, ?>) ((List<?>) report.get("runs")).get(0)).get("results");
    }

    private static NativeReport report(NativeSubscribers subscribers) {
        try {
            return subscribers.report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long delivered(NativeReport r) {
        return Arrays.stream(r.delivered()).sum();
    }

    /** RTP with the bench's payload: send time (System.nanoTime) and phase after the header. */
    private static ByteBuffer packet(int seq, int phase) {
        ByteBuf out = Unpooled.buffer(200);
        RtpHeader.of(false, Topology.VIDEO_PT, seq, seq * 3000, VIDEO_SSRC).encode(out);
        out.writeLong(System.nanoTime()).writeByte(phase);
        out.writeZero(200 - out.writerIndex());
        return out.nioBuffer();
    }
}
