// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.RtpTapSubscriber;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.tier.DirectoryCatalog;
import io.cascade.distribution.tier.RelayTierNode;
import io.cascade.distribution.tier.TierRole;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Assignments;
import io.cascade.platform.directory.Directory;
import io.cascade.transcode.Transcoder;
import io.cascade.transcode.ladder.H264Profile;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.Rendition;
import io.cascade.transcode.media.Bitrate;
import io.cascade.transcode.peer.FfmpegCli;
import io.cascade.transcode.worker.AssignmentKey;
import io.cascade.transcode.worker.TranscodeWorker;
import io.cascade.transcode.worker.WorkerAgent;
import io.cascade.platform.event.EventPublisher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder of a broadcast whose program enters on one node runs on a worker on another, and
 * its renditions reach a consumer on the first: three relay nodes (origin tier, as the application
 * runs them) with their own UDP sockets, HTTP control APIs, catalogs and directories, over a real
 * two-member Infinispan cluster (loopback TCP); real {@link TranscodeJob}s (FFmpeg, x264) under
 * real {@link WorkerAgent}s; a real H.264/AAC clip (ffmpeg CLI) paced into node A's relay.
 *
 * <p>Node A: the program enters, a consumer (a tap subscriber, as the HLS packager is) watches
 * the directory for renditions and pulls them. Nodes B and C: workers. The ladder is placed on B,
 * which pulls the program from A; then B dies (agent, relay, control API, heartbeat; nothing
 * released), C takes the format, pulls the program and publishes the renditions under the same
 * names, and A's relay re-pulls the rendition from C without its subscriber noticing more than a
 * gap, which is measured and printed.
 */
class CrossNodeTranscodeTest {
    private static final List<String> CACHES = Stream.concat(Directory.CACHES.stream(), Assignments.CACHES.stream()).toList();
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, CACHES);
    private static final String TOKEN = "xnode-test-token";
    private static final String BROADCAST = "xn1";
    private static final StreamName RENDITION = StreamName.of("bcast/" + BROADCAST + "/180p");
    private static final LadderConfig LADDER = LadderConfig.defaults()
            .withRenditions(List.of(Rendition.of("180p", 180, Bitrate.kbps(300), H264Profile.MAIN)))
            .withKeyframeInterval(Duration.ofSeconds(1));

    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @TempDir
    Path dir;

    /** One node: relay, control API, catalog shared through its member's directory, optional worker. */
    private final class Node {
        final String id;
        final Directory directory;
        final Assignments assignments;
        final RelayTierNode relay;
        final HttpServer server;
        final StreamCatalog catalog;
        final DirectoryCatalog shared;
        final List<Transcoder> jobs = new CopyOnWriteArrayList<>();
        WorkerAgent agent;

        Node(String id, EmbeddedInfinispan member) throws Exception {
            this.id = id;
            directory = new Directory(member.cache(CACHES.get(0)), member.cache(CACHES.get(1)), member.cache(CACHES.get(2)),
                    InstantSource.system(), Duration.ofSeconds(3));
            assignments = new Assignments(member.cache(Assignments.CACHES.get(0)), member.cache(Assignments.CACHES.get(1)),
                    InstantSource.system(), Duration.ofSeconds(1));
            relay = RelayTierNode.start(new RelayTierNode.Settings(id, TierRole.ORIGIN, "local",
                    UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1),
                    RelayConfig.defaults().withSubscriberTimeout(Duration.ofSeconds(3)), TOKEN, Duration.ofSeconds(2),
                    Duration.ofMillis(500)), directory, InstantSource.system(), RelayListener.NONE, h -> h);
            Router root = Router.router(vertx);
            root.route("/relay/v1/*").subRouter(relay.router(vertx));
            server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            relay.register(directory, "http://127.0.0.1:" + server.actualPort() + "/relay/v1");
            shared = new DirectoryCatalog(directory, id, relay.puller());
            catalog = new StreamCatalog(shared);
            toClose.add(this::close);
        }

        void startWorker() {
            LadderJobs ladders = new LadderJobs(relay.relay(), relay.puller(), catalog, LADDER, "127.0.0.1",
                    Duration.ofMillis(200));
            agent = new WorkerAgent(new TranscodeWorker(id, 1, System::nanoTime), assignments, key -> {
                Transcoder t = ladders.start(key);
                jobs.add(t);
                return t;
            }, EventPublisher.discarding(), Duration.ofSeconds(10)).start(Duration.ofMillis(250));
        }

        /** A crash: nothing is withdrawn, released or handed over; the jobs' natives are freed after. */
        void kill() throws Exception {
            agent.kill();
            shared.close(); // no more directory writes from this node
            relay.kill();
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            jobs.forEach(Transcoder::close);
        }

        void close() {
            if (agent != null) {
                agent.close();
            }
            jobs.forEach(Transcoder::close);
            shared.close();
            try {
                relay.close();
            } catch (RuntimeException e) {
                // a killed node is already closed
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(180)
    void aWorkerOnAnotherNodeTranscodesTheProgramAndTheRenditionsFollowItWhenItDies() throws Exception {
        FfmpegCli.assumeInstalled();
        Path clip = dir.resolve("program.mkv");
        FfmpegCli.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "60",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-bf", "0", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "matroska", clip.toString());

        EmbeddedInfinispan m0 = ISPN.startNode(0);
        EmbeddedInfinispan m1 = ISPN.startNode(1);
        Await.until("two members", Duration.ofSeconds(30), () -> m0.clusterSize() == 2 && m1.clusterSize() == 2);
        Node a = new Node("node-a", m0);
        Node b = new Node("node-b", m1);
        Node c = new Node("node-c", m0);

        // A: the program enters; its consumer starts on renditions announced by other nodes
        ProgramFromFile program = new ProgramFromFile(a.relay.relay(), a.catalog, TranscodeJob.programOf(BROADCAST), clip);
        toClose.add(program);
        program.start();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<RtpTapSubscriber> consumer = new CopyOnWriteArrayList<>();
        a.catalog.onChange(stream -> {
            if (stream.equals(RENDITION) && consumer.isEmpty() && !a.catalog.isLocal(stream)
                    && a.catalog.get(stream).orElseThrow().stream().anyMatch(f -> f.parameter("config").isPresent())) {
                try {
                    a.relay.puller().ensure(stream).get(5, TimeUnit.SECONDS);
                    consumer.add(RtpTapSubscriber.open(a.relay.relay(), stream, "127.0.0.1", (track, packet) -> {
                        if (track == 0) {
                            arrivals.add(System.nanoTime());
                        }
                    }));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        a.shared.watch(a.catalog, "bcast/", Duration.ofMillis(250));
        toClose.add(() -> consumer.forEach(RtpTapSubscriber::close));

        // the ladder goes to B, the only worker yet; B pulls the program from A
        Await.until("the program's formats in the directory, seen from B", Duration.ofSeconds(10),
                () -> b.catalog.get(TranscodeJob.programOf(BROADCAST)).isPresent());
        b.startWorker();
        Await.until("B's lease seen from A", Duration.ofSeconds(5), () -> a.assignments.isLive("node-b"));
        String key = AssignmentKey.ladder(BROADCAST).toString();
        assertThat(a.assignments.place(key).holder()).isEqualTo("node-b");
        c.startWorker();
        Await.until("A's consumer receives the rendition made on B", Duration.ofSeconds(60), () -> arrivals.size() > 300,
                () -> "received " + arrivals.size() + ", B pulled " + b.relay.puller().pulled() + ", A pulled "
                        + a.relay.puller().pulled());
        assertThat(b.relay.puller().pulled()).containsEntry(TranscodeJob.programOf(BROADCAST).value(), "node-a");
        assertThat(a.relay.puller().pulled()).containsEntry(RENDITION.value(), "node-b");
        assertThat(c.jobs).isEmpty();
        List<TrackFormat> formats = a.catalog.get(RENDITION).orElseThrow();
        assertThat(formats.get(0).parameter("x-height")).contains("180");
        assertThat(formats.get(1).parameter("config")).isPresent();

        // B dies: C takes the format, A's relay re-pulls the rendition from C
        int before = arrivals.size();
        long death = System.nanoTime();
        b.kill();
        Await.until("A's consumer receives the rendition made on C", Duration.ofSeconds(30),
                () -> a.relay.puller().pulled().containsValue("node-c") && arrivals.size() > before + 150,
                () -> "received " + (arrivals.size() - before) + " since, A pulled " + a.relay.puller().pulled()
                        + ", C runs " + c.jobs.size() + " jobs, record " + a.assignments.get(key));
        assertThat(a.assignments.get(key).orElseThrow().holder()).isEqualTo("node-c");
        assertThat(c.relay.puller().pulled()).containsEntry(TranscodeJob.programOf(BROADCAST).value(), "node-a");
        assertThat(a.relay.puller().pulled()).containsEntry(RENDITION.value(), "node-c");

        List<Long> t = List.copyOf(arrivals);
        long lastBefore = death;
        long firstAfter = -1;
        long gap = 0;
        for (int i = Math.max(1, before - 30); i < t.size(); i++) {
            long d = t.get(i) - t.get(i - 1);
            if (d > gap) {
                gap = d;
                lastBefore = t.get(i - 1);
                firstAfter = t.get(i);
            }
        }
        System.out.printf("cross-node fail-over: B killed; last video packet from B %+d ms, first from C %+d ms after the"
                        + " kill: %d ms without video at A's subscriber (lease 1 s, tick 250 ms, silence 500 ms, GOP 1 s)%n",
                (lastBefore - death) / 1_000_000, (firstAfter - death) / 1_000_000, gap / 1_000_000);
        assertThat(firstAfter).as("video resumed after the kill").isGreaterThan(death);
    }
}
