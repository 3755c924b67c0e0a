// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.relay.RelayCounters;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Origin + 2 mid-tier + 2 edge relays on loopback, a synthetic publisher and subscribers, the
 * directory on real Infinispan: the scenarios end to end.
 */
class FabricTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(1, Directory.CACHES);
    private static EmbeddedInfinispan ispnNode;
    private static final String STREAM = "bcast/42/720p";
    private static final int PPS = 400;

    private Fabric fabric;
    private SyntheticPublisher publisher;
    private final List<SyntheticSubscriber> subscribers = new java.util.ArrayList<>();

    @BeforeAll
    static void cluster() throws Exception {
        ispnNode = ISPN.startNode(0);
    }

    @BeforeEach
    void setUp() {
        fabric = new Fabric(ispnNode);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (SyntheticSubscriber s : subscribers) {
            s.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        fabric.close();
    }

    private void startFabric(UnaryOperator<DatagramHandler> midIngress) throws Exception {
        fabric.start("origin", TierRole.ORIGIN);
        fabric.start("mid-a", TierRole.MID, midIngress);
        fabric.start("mid-b", TierRole.MID, midIngress);
        fabric.start("edge-1", TierRole.EDGE);
        fabric.start("edge-2", TierRole.EDGE);
        publisher = new SyntheticPublisher();
        publisher.start(fabric.publish("origin", STREAM, publisher), PPS);
    }

    private SyntheticSubscriber subscribeAt(String edge) throws Exception {
        SyntheticSubscriber s = new SyntheticSubscriber();
        subscribers.add(s);
        fabric.subscribe(edge, STREAM, s);
        return s;
    }

    /** From its first packet on, the subscriber saw consecutive sequence numbers, in order. */
    private static int gapsAndReorders(List<SyntheticSubscriber.Received> r) {
        int bad = 0;
        for (int i = 1; i < r.size(); i++) {
            if (r.get(i).seq() != ((r.get(i - 1).seq() + 1) & 0xFFFF)) {
                bad++;
            }
        }
        return bad;
    }

    @Test
    void everyPacketReachesEverySubscriberThroughOriginMidAndEdgeInOrder() throws Exception {
        startFabric(h -> h);
        SyntheticSubscriber a = subscribeAt("edge-1");
        SyntheticSubscriber b = subscribeAt("edge-1");
        SyntheticSubscriber c = subscribeAt("edge-2");
        Await.until("1000 packets at each subscriber", Duration.ofSeconds(20),
                () -> a.count() >= 1000 && b.count() >= 1000 && c.count() >= 1000);
        publisher.stop();
        int sent = publisher.sent.get();
        for (SyntheticSubscriber s : List.of(a, b, c)) {
            Await.until("the last packet", Duration.ofSeconds(5), () -> {
                var r = s.received();
                return !r.isEmpty() && r.get(r.size() - 1).publisherSeq() == sent - 1;
            });
            var r = s.received();
            assertThat(gapsAndReorders(r)).as("gaps or reorders").isZero();
            assertThat(r.get(r.size() - 1).publisherSeq() - r.get(0).publisherSeq() + 1).isEqualTo(r.size());
        }
        // both edges pulled the 720p format from the same mid-tier (rendezvous hashing)
        assertThat(fabric.nodes.get("edge-1").puller().pulled().get(STREAM))
                .isEqualTo(fabric.nodes.get("edge-2").puller().pulled().get(STREAM));
        long[] p50p99 = latency(a.received());
        System.out.printf("fabric: %d packets via origin->mid->edge, latency p50 %.2f ms p99 %.2f ms%n",
                a.count(), p50p99[0] / 1e6, p50p99[1] / 1e6);
    }

    private static long[] latency(List<SyntheticSubscriber.Received> r) {
        long[] l = r.stream().mapToLong(SyntheticSubscriber.Received::latencyNanos).sorted().toArray();
        return new long[] {l[l.length / 2], l[(int) (l.length * 0.99)]};
    }

    @Test
    void fivePercentLossOnTheMidTiersIngressIsRepairedByNack() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long[] dropped = new long[2];
        startFabric(inner -> (buf, sender, socket) -> {
            int second = buf.getUnsignedByte(buf.readerIndex() + 1);
            boolean rtp = second < 192 || second > 223;
            synchronized (dropped) {
                if (rtp) {
                    dropped[1]++;
                    if (random.nextInt(100) < 5) {
                        dropped[0]++;
                        return; // lost on the way in
                    }
                }
            }
            inner.onDatagram(buf, sender, socket);
        });
        SyntheticSubscriber s = subscribeAt("edge-1");
        Await.until("2000 packets", Duration.ofSeconds(30), () -> s.count() >= 2000);
        publisher.stop();
        int sent = publisher.sent.get();
        Await.until("the last packet", Duration.ofSeconds(5), () -> {
            var r = s.received();
            return r.get(r.size() - 1).publisherSeq() == sent - 1;
        });
        var r = s.received();
        int span = r.get(r.size() - 1).publisherSeq() - r.get(0).publisherSeq() + 1;
        long distinct = r.stream().mapToInt(SyntheticSubscriber.Received::publisherSeq).distinct().count();
        double injected;
        synchronized (dropped) {
            injected = 100.0 * dropped[0] / dropped[1];
        }
        double residual = 100.0 * (span - distinct) / span;
        System.out.printf("NACK recovery: %.2f%% injected loss at the mid-tier, %.3f%% residual at the subscriber "
                + "(%d of %d packets), %d resent by the publisher%n", injected, residual, distinct, span, publisher.resent.get());
        assertThat(injected).isBetween(3.0, 7.0);
        assertThat(residual).isLessThan(0.5);
    }

    @Test
    void killingTheMidTierMovesSubscribersToTheOtherWithinOneSecondAndContinuousSequenceNumbers() throws Exception {
        startFabric(h -> h);
        SyntheticSubscriber s = subscribeAt("edge-1");
        Await.until("media flowing", Duration.ofSeconds(20), () -> s.count() >= 400);
        String mid = fabric.nodes.get("edge-1").puller().pulled().get(STREAM);
        int plisBefore = publisher.plis.get();

        fabric.nodes.get(mid).kill();
        int atKill = s.count();
        Await.until("media again", Duration.ofSeconds(10), () -> s.count() >= atKill + 200);

        var r = s.received();
        long worstGap = 0;
        int seqBreaks = 0;
        for (int i = 1; i < r.size(); i++) {
            worstGap = Math.max(worstGap, r.get(i).arrivalNanos() - r.get(i - 1).arrivalNanos());
            if (r.get(i).seq() != ((r.get(i - 1).seq() + 1) & 0xFFFF)) {
                seqBreaks++;
            }
        }
        String newMid = fabric.nodes.get("edge-1").puller().pulled().get(STREAM);
        System.out.printf("failover %s -> %s: longest gap at the subscriber %.0f ms%n", mid, newMid, worstGap / 1e6);
        assertThat(newMid).isNotEqualTo(mid);
        assertThat(worstGap).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(seqBreaks).as("subscriber sequence numbers continue across the failover").isZero();
        assertThat(publisher.plis.get()).as("a keyframe was requested for the new path").isGreaterThan(plisBefore);
    }

    @Test
    void garbageOnEveryPortIsCountedAndTheFabricKeepsForwarding() throws Exception {
        startFabric(h -> h);
        SyntheticSubscriber s = subscribeAt("edge-2");
        Await.until("media flowing", Duration.ofSeconds(20), () -> s.count() >= 100);
        SplittableRandom random = new SplittableRandom(3);
        try (DatagramChannel junk = DatagramChannel.open()) {
            for (RelayTierNode node : fabric.nodes.values()) {
                for (var socket : node.engine().sockets()) {
                    InetSocketAddress to = socket.localAddress();
                    for (int i = 0; i < 300; i++) {
                        byte[] b = new byte[random.nextInt(1, 1400)];
                        random.nextBytes(b);
                        if (i % 3 == 0) {
                            b[0] = (byte) 0x80; // looks like RTP: version 2
                        } else if (i % 3 == 1 && b.length > 1) {
                            b[0] = (byte) 0x81;
                            b[1] = (byte) 205; // looks like RTCP feedback
                        }
                        junk.send(ByteBuffer.wrap(b), to);
                    }
                }
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String api : fabric.apis.values()) {
            var bad = http.send(HttpRequest.newBuilder(java.net.URI.create(api + "/subscribe"))
                    .header("Authorization", "Bearer " + Fabric.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":\"../../etc\",\"destination\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("stream");
            var unauth = http.send(HttpRequest.newBuilder(java.net.URI.create(api + "/streams")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unauth.statusCode()).isEqualTo(401);
        }
        int before = s.count();
        Await.until("media still flowing", Duration.ofSeconds(10), () -> s.count() >= before + 200);
        RelayCounters total = fabric.nodes.values().stream()
                .map(n -> n.relay().counters().join()).reduce(RelayCounters.ZERO, RelayCounters::plus);
        assertThat(total.notRtp() + total.malformedRtp() + total.unknownSsrc() + total.malformedRtcp()).isPositive();
        assertThat(total.errors()).isZero();
    }

    @Test
    void aPulledStreamNobodyWatchesIsReleasedUpstreamAfterTheGracePeriod() throws Exception {
        startFabric(h -> h);
        SyntheticSubscriber s = subscribeAt("edge-1");
        Await.until("media flowing", Duration.ofSeconds(20), () -> s.count() >= 50);
        RelayTierNode edge = fabric.nodes.get("edge-1");
        long id = edge.relay().stats().join().get(0).subscribers().get(0).id();
        edge.relay().unsubscribe(io.cascade.distribution.relay.StreamName.of(STREAM), id).join();
        Await.until("edge released the stream", Duration.ofSeconds(10), () -> edge.puller().pulled().isEmpty());
        String mid = fabric.nodes.get("edge-2").puller().pulled().getOrDefault(STREAM, null);
        assertThat(mid).isNull(); // edge-2 never pulled it
        Await.until("mid-tiers have no subscriber left", Duration.ofSeconds(10), () -> fabric.nodes.values().stream()
                .filter(n -> n.settings().role() == TierRole.MID)
                .allMatch(n -> n.relay().stats().join().stream().allMatch(st -> st.subscribers().isEmpty())));
    }
}
