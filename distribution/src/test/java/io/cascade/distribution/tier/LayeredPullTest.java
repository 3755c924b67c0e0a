// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.control.Addresses;
import io.cascade.distribution.control.ApiException;
import io.cascade.distribution.control.ApiTypes;
import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.StreamStats;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A simulcast stream pulled through the tiers (docs/relay-api.md, "Simulcast over tier links"):
 * three H.264 layers published at an origin, pulled by a mid-tier and from it by an edge, every
 * layer over each link; a plain RTP subscriber at the edge gets one layer on one SSRC with one
 * continuous sequence, chosen by the edge from the loss it reports, switched at keyframes. An
 * upstream whose answer describes layers that cannot be is refused, counted, and the caller gets
 * 502. Real relays, control APIs over HTTP and the directory on real Infinispan, all on loopback.
 */
@Timeout(120)
class LayeredPullTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(1, Directory.CACHES);
    private static EmbeddedInfinispan ispnNode;
    private static final String STREAM = "bcast/7/webrtc";
    /** Packets per picture per layer: ~0.29, ~0.58 and ~1.7 Mbit/s at 30 pictures per second. */
    private static final int[] PACKETS = {1, 2, 6};

    private Fabric fabric;
    private LayeredPublisher publisher;
    private LayerSubscriber subscriber;

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
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        fabric.close();
    }

    @Test
    void anEdgeSubscriberGetsOneLayerOfAPulledSimulcastStreamAndFollowsItsEstimate() throws Exception {
        fabric.start("origin", TierRole.ORIGIN);
        fabric.start("mid", TierRole.MID);
        fabric.start("edge", TierRole.EDGE);
        publisher = new LayeredPublisher(PACKETS);
        List<ApiTypes.Track> tracks = new ArrayList<>();
        List<ApiTypes.Layer> layers = new ArrayList<>();
        for (int l = 0; l < PACKETS.length; l++) {
            tracks.add(new ApiTypes.Track("video", Integer.toUnsignedLong(LayeredPublisher.ssrc(l)), LayeredPublisher.PT,
                    90_000, null, null, true));
            layers.add(new ApiTypes.Layer(0, l, "h264", true));
        }
        var published = fabric.client.publish(fabric.apis.get("origin"), new ApiTypes.PublishRequest(STREAM,
                Addresses.format(publisher.address()), tracks, layers)).get(10, TimeUnit.SECONDS);
        publisher.start(Addresses.parse("media", published.media()));

        subscriber = new LayerSubscriber();
        var sub = fabric.client.subscribe(fabric.apis.get("edge"), new ApiTypes.SubscribeRequest(STREAM,
                Addresses.format(subscriber.address()), null, null)).get(10, TimeUnit.SECONDS);
        assertThat(sub.layers()).as("an ordinary subscriber is told no layout").isNull();
        assertThat(sub.tracks()).hasSize(3).extracting(ApiTypes.Track::ssrc).as("one output for the group").containsOnly(
                sub.tracks().getFirst().ssrc());
        int ssrc = (int) sub.tracks().getFirst().ssrc();
        subscriber.attach(Addresses.parse("media", sub.media()), ssrc);

        Await.until("the top layer at the edge subscriber", Duration.ofSeconds(30), () -> subscriber.lastLayer() == 2
                && subscriber.received().size() > 100);
        subscriber.fractionLost = 128; // 50% loss: the edge's estimate of it falls 25% a second
        Await.until("a lower layer after reported loss", Duration.ofSeconds(30), () -> subscriber.lastLayer() == 1
                || subscriber.lastLayer() == 0);
        subscriber.fractionLost = 0; // no loss: it grows 5% a second
        Await.until("the top layer again", Duration.ofSeconds(40), () -> subscriber.lastLayer() == 2);
        int atSwitchBack = subscriber.received().size();
        // ends on the top layer with packets after the switch back (a later dip must climb back up)
        Await.until("packets on the top layer after the switch back", Duration.ofSeconds(40),
                () -> subscriber.lastLayer() == 2 && subscriber.received().size() > atSwitchBack + 30);

        List<LayerSubscriber.Received> got = subscriber.received();
        assertThat(got).extracting(LayerSubscriber.Received::ssrc).as("one SSRC out").containsOnly(ssrc);
        for (int i = 1; i < got.size(); i++) {
            assertThat(got.get(i).seq()).as("sequence continuous at packet %d", i).isEqualTo((got.get(i - 1).seq() + 1) & 0xFFFF);
        }
        List<Integer> runs = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            LayerSubscriber.Received r = got.get(i);
            if (i == 0 || r.layer() != got.get(i - 1).layer()) {
                assertThat(r.keyframe()).as("packet %d starts layer %d at its keyframe", i, r.layer()).isTrue();
                runs.add(r.layer());
            } else {
                assertThat(r.picture()).as("one layer at a time: pictures in order at packet %d", i)
                        .isGreaterThanOrEqualTo(got.get(i - 1).picture());
            }
        }
        assertThat(runs.getFirst()).isEqualTo(2);
        assertThat(runs.getLast()).isEqualTo(2);
        assertThat(runs).as("down on loss, up when it ends, at keyframes only").hasSizeBetween(3, 6);

        // every layer crossed both tier links; the edge published the stream with the origin's layout
        StreamName name = StreamName.of(STREAM);
        for (String node : List.of("mid", "edge")) {
            StreamStats stats = fabric.nodes.get(node).relay().stats().get(10, TimeUnit.SECONDS).stream()
                    .filter(s -> s.name().equals(STREAM)).findFirst().orElseThrow();
            assertThat(stats.tracks()).as(node + ": every layer arrives").hasSize(3)
                    .allSatisfy(t -> assertThat(t.packets()).isPositive());
            assertThat(fabric.nodes.get(node).puller().layers(name)).as(node).contains(List.of(
                    new LayerSpec(0, 0, KeyframeFormat.H264, true), new LayerSpec(0, 1, KeyframeFormat.H264, true),
                    new LayerSpec(0, 2, KeyframeFormat.H264, true)));
        }
        assertThat(publisher.plis.get(1)).as("the switch down asked the origin's publisher for a keyframe").isPositive();
        assertThat(fabric.nodes.get("edge").relay().counters().get(10, TimeUnit.SECONDS).errors()).isZero();
    }

    @Test
    void aPublishWithAnImpossibleLayoutIsRefusedNamingTheEntry() throws Exception {
        fabric.start("origin", TierRole.ORIGIN);
        var video = new ApiTypes.Track("video", 1234, 96, 90_000, null, null, true);
        var other = new ApiTypes.Track("video", 1235, 96, 90_000, null, null, true);
        var audio = new ApiTypes.Track("audio", 1236, 111, 48_000, null, null, true);
        Map<List<ApiTypes.Layer>, String> bad = Map.of(
                List.of(new ApiTypes.Layer(0, 0, "h264", true)), "one per track",
                List.of(new ApiTypes.Layer(1, 0, "h264", true), new ApiTypes.Layer(1, 1, "h264", true), layer(2)),
                "layers[0].group",
                List.of(layer(0), new ApiTypes.Layer(0, 0, "h264", false), layer(2)), "layers[1].layer",
                List.of(layer(0), new ApiTypes.Layer(0, 1, "av1", false), layer(2)), "layers[1].keyframes",
                List.of(layer(0), new ApiTypes.Layer(0, 1, "h264", false), new ApiTypes.Layer(0, 2, "h264", false)),
                "layers[2]: a layer of a group of several must be video",
                List.of(layer(0), new ApiTypes.Layer(-1, 1, "h264", false), layer(2)), "layers[1]");
        for (var e : bad.entrySet()) {
            var request = new ApiTypes.PublishRequest("room/1/a/cam", "127.0.0.1:5000", List.of(video, other, audio), e.getKey());
            assertThatThrownBy(() -> fabric.client.publish(fabric.apis.get("origin"), request).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ApiException.class)
                    .hasMessageContaining("400").hasMessageContaining(e.getValue());
        }
        assertThat(fabric.nodes.get("origin").relay().hasStream(StreamName.of("room/1/a/cam")).get()).isFalse();
    }

    private static ApiTypes.Layer layer(int index) {
        return new ApiTypes.Layer(index, 0, null, null);
    }

    @Test
    void anUpstreamAnswerWithAnImpossibleLayoutIsCountedAndRefusedWith502() throws Exception {
        AtomicInteger released = new AtomicInteger();
        Router fake = Router.router(fabric.vertx);
        fake.post("/relay/v1/subscribe").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end("""
                {"id":77,"stream":"bcast/9/webrtc","media":"127.0.0.1:9","tracks":[
                 {"kind":"video","ssrc":1,"payloadType":96,"clockRate":90000},
                 {"kind":"video","ssrc":2,"payloadType":96,"clockRate":90000}],
                 "layers":[{"group":0,"layer":0,"keyframes":"h264"},{"group":7,"layer":1,"keyframes":"h264"}]}"""));
        fake.delete("/relay/v1/subscribers/:id").handler(ctx -> {
            released.incrementAndGet();
            ctx.response().end("{\"removed\":77}");
        });
        HttpServer server = fabric.vertx.createHttpServer().requestHandler(fake).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String api = "http://127.0.0.1:" + server.actualPort() + "/relay/v1";
        fabric.directory.register(new NodeInfo("hostile", Set.of(TierRole.ORIGIN.directoryRole()), "local",
                Map.of("relay", api, "media", "127.0.0.1:9"), 0.0));
        fabric.directory.announceStream("bcast/9/webrtc", "hostile");
        RelayTierNode mid = fabric.start("mid", TierRole.MID);

        subscriber = new LayerSubscriber();
        var request = new ApiTypes.SubscribeRequest("bcast/9/webrtc", Addresses.format(subscriber.address()), null, null);
        assertThatThrownBy(() -> fabric.client.subscribe(fabric.apis.get("mid"), request).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(ApiException.class).hasMessageContaining("502")
                .hasMessageContaining("layers[1].group");
        assertThat(mid.puller().refusedAnswers()).isEqualTo(1);
        Await.until("the refused subscription released upstream", Duration.ofSeconds(10), () -> released.get() == 1);
        assertThat(mid.relay().hasStream(StreamName.of("bcast/9/webrtc")).get()).isFalse();
        assertThat(mid.relay().counters().get().errors()).isZero();
        server.close();
    }
}
