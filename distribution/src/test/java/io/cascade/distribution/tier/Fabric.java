// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.distribution.control.Addresses;
import io.cascade.distribution.control.ApiTypes;
import io.cascade.distribution.control.RelayControlClient;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.platform.directory.Directory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A whole fabric on loopback for tests: relay nodes with their own UDP sockets and HTTP control
 * servers, sharing one directory on a real Infinispan node, exactly as separate processes would
 * share a cluster.
 */
final class Fabric implements AutoCloseable {
    static final String TOKEN = "fabric-test-token";

    final Vertx vertx = Vertx.vertx();
    final Directory directory;
    final RelayControlClient client = new RelayControlClient(TOKEN, Duration.ofSeconds(2));
    final Map<String, RelayTierNode> nodes = new LinkedHashMap<>();
    final Map<String, String> apis = new LinkedHashMap<>();
    private final List<HttpServer> servers = new ArrayList<>();

    Fabric(EmbeddedInfinispan ispn) {
        for (String c : Directory.CACHES) {
            ispn.cache(c).clear();
        }
        directory = new Directory(ispn.cache(Directory.CACHES.get(0)), ispn.cache(Directory.CACHES.get(1)),
                ispn.cache(Directory.CACHES.get(2)), InstantSource.system(), Duration.ofSeconds(3));
    }

    static RelayConfig relayConfig() {
        return RelayConfig.defaults().withSubscriberTimeout(Duration.ofSeconds(3));
    }

    RelayTierNode start(String id, TierRole role, UnaryOperator<DatagramHandler> wrap) throws Exception {
        var settings = new RelayTierNode.Settings(id, role, "local",
                UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1), relayConfig(),
                TOKEN, Duration.ofSeconds(1), Duration.ofMillis(500));
        RelayTierNode node = RelayTierNode.start(settings, directory, InstantSource.system(), RelayListener.NONE, wrap);
        Router root = Router.router(vertx);
        root.route("/relay/v1/*").subRouter(node.router(vertx));
        HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        servers.add(server);
        String api = "http://127.0.0.1:" + server.actualPort() + "/relay/v1";
        node.register(directory, api);
        nodes.put(id, node);
        apis.put(id, api);
        return node;
    }

    RelayTierNode start(String id, TierRole role) throws Exception {
        return start(id, role, h -> h);
    }

    /** Opens the stream on the origin for the publisher; returns where to send. */
    InetSocketAddress publish(String origin, String stream, SyntheticPublisher pub) throws Exception {
        var track = new ApiTypes.Track("video", Integer.toUnsignedLong(SyntheticPublisher.VIDEO_SSRC),
                SyntheticPublisher.VIDEO_PT, 90_000, null, null, true);
        var resp = client.publish(apis.get(origin), new ApiTypes.PublishRequest(stream,
                Addresses.format(pub.address()), List.of(track), null)).get(10, TimeUnit.SECONDS);
        return Addresses.parse("media", resp.media());
    }

    /** Subscribes at an edge (pulling through the tiers) and points the subscriber's reports at it. */
    ApiTypes.SubscribeResponse subscribe(String edge, String stream, SyntheticSubscriber sub) throws Exception {
        var resp = client.subscribe(apis.get(edge), new ApiTypes.SubscribeRequest(stream,
                Addresses.format(sub.address()), null, null)).get(10, TimeUnit.SECONDS);
        sub.attach(Addresses.parse("media", resp.media()), (int) resp.tracks().get(0).ssrc());
        return resp;
    }

    @Override
    public void close() throws Exception {
        for (RelayTierNode n : nodes.values()) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // a killed node is already closed
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
