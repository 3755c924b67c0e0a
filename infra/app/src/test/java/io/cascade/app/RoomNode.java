// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.sfu.GatewaySfu;
import io.cascade.conferencing.signaling.Authenticator;
import io.cascade.conferencing.signaling.CallEvents;
import io.cascade.conferencing.signaling.ClientSink;
import io.cascade.conferencing.signaling.Connection;
import io.cascade.conferencing.signaling.DirectoryLocator;
import io.cascade.conferencing.signaling.HttpNodeLink;
import io.cascade.conferencing.signaling.MeshThreshold;
import io.cascade.conferencing.signaling.NodeLinkReceiver;
import io.cascade.conferencing.signaling.RemoteSfus;
import io.cascade.conferencing.signaling.RoomEvents;
import io.cascade.conferencing.signaling.RoomHomes;
import io.cascade.conferencing.signaling.SfuOfferReceiver;
import io.cascade.conferencing.signaling.SignalingLoop;
import io.cascade.conferencing.signaling.SignalingNode;
import io.cascade.conferencing.signaling.SignalingSettings;
import io.cascade.conferencing.users.InMemoryUserService;
import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tier.DirectoryCatalog;
import io.cascade.distribution.tier.RelayTierNode;
import io.cascade.distribution.tier.TierRole;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSettings;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeHeartbeat;
import io.cascade.platform.directory.NodeInfo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One whole node of a room cluster for tests, assembled as the application assembles it
 * (ConferencingService, RelayService, WebRtcService, BroadcastPipeline's shared catalog) but
 * without Quarkus, so that two can run in one JVM: an origin relay with its WebRTC gateway and
 * control API, a catalog shared through the directory, a signaling node with its loop, node
 * link, room homes and remote SFUs, and one Vert.x HTTP server for the meeting page, the
 * signaling WebSocket, the node link, SFU offers from other nodes and the relay API. Its
 * Infinispan node is the caller's (one real cluster).
 */
final class RoomNode implements AutoCloseable {
    static final String TOKEN = "room-cluster-token";

    final String id;
    final Directory directory;
    final RelayTierNode relay;
    final WebRtcGateway gateway;
    final SignalingNode signaling;
    final SignalingLoop loop;
    final HttpNodeLink link;
    final String base;
    final RoomHomes homes;
    private final RemoteSfus remote;
    private final DirectoryCatalog shared;
    private final HttpServer server;
    private final NodeHeartbeat heartbeat;
    /** Connections by WebSocket; touched on the loop thread only. */
    private final Map<ServerWebSocket, Connection> connections = new HashMap<>();

    RoomNode(String id, EmbeddedInfinispan ispn, Vertx vertx, MeshThreshold threshold) throws Exception {
        this.id = id;
        InstantSource clock = InstantSource.system();
        directory = new Directory(ispn.cache(Directory.CACHES.get(0)), ispn.cache(Directory.CACHES.get(1)),
                ispn.cache(Directory.CACHES.get(2)), clock, Duration.ofSeconds(6));
        relay = RelayTierNode.start(new RelayTierNode.Settings(id, TierRole.ORIGIN, "local",
                UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1),
                RelayConfig.defaults().withSubscriberTimeout(Duration.ofSeconds(10)), TOKEN, Duration.ofSeconds(5),
                Duration.ofMillis(500)), directory, clock, RelayListener.NONE, h -> h);
        SecureRandom random = new SecureRandom();
        gateway = new WebRtcGateway(relay.relay(), WebRtcSettings.on("127.0.0.1"), DtlsCertificate.generate(random),
                clock, random, new WebRtcGateway.Listener() { });
        gateway.attach();
        StreamCatalog catalog = new StreamCatalog();
        shared = new DirectoryCatalog(directory, id, relay.puller());
        catalog.share(shared);

        link = new HttpNodeLink(id, TOKEN, HttpNodeLink.fromDirectory(directory));
        signaling = new SignalingNode(SignalingSettings.defaults(id), clock, InMemoryUserService.seeded(),
                new Authenticator(Optional.of("dev"), Optional.empty(), clock), new DirectoryLocator(directory, id),
                link, CallEvents.none(), RoomEvents.none(), threshold);
        loop = new SignalingLoop(signaling, "signaling-" + id, Duration.ofMillis(200));
        GatewaySfu sfu = new GatewaySfu(() -> gateway, relay::puller, catalog);
        signaling.sfu(sfu, work -> loop.run(n -> work.run()));
        remote = new RemoteSfus(id, TOKEN, HttpNodeLink.fromDirectory(directory), link);
        homes = new RoomHomes(ispn.cache(RoomHomes.CACHE), id, directory::isAlive);
        signaling.cluster(homes, remote);

        Router router = Router.router(vertx);
        router.get("/meet/:room").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html")
                .end(resource("META-INF/resources/app/meet.html")));
        router.get("/app/meet.js").handler(ctx -> ctx.response().putHeader("Content-Type", "text/javascript")
                .end(resource("META-INF/resources/app/meet.js")));
        NodeLinkReceiver receiver = new NodeLinkReceiver(TOKEN, loop);
        router.post(HttpNodeLink.PATH).handler(BodyHandler.create().setBodyLimit(NodeLinkReceiver.MAX_BODY));
        router.post(HttpNodeLink.PATH).handler(ctx -> ctx.response().setStatusCode(receiver.receive(
                ctx.request().getHeader("Authorization"), ctx.body().buffer().getBytes())).end());
        SfuOfferReceiver offers = new SfuOfferReceiver(TOKEN, sfu, link);
        router.post(RemoteSfus.PATH).handler(BodyHandler.create().setBodyLimit(SfuOfferReceiver.MAX_BODY));
        router.post(RemoteSfus.PATH).blockingHandler(ctx -> {
            var reply = offers.receive(ctx.request().getHeader("Authorization"), ctx.body().buffer().getBytes());
            ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
        }, false);
        router.route("/relay/v1/*").subRouter(relay.router(vertx));
        server = vertx.createHttpServer().requestHandler(router).webSocketHandler(this::socket).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        NodeInfo info = new NodeInfo(id, Set.of("signaling", TierRole.ORIGIN.directoryRole()), "local",
                Map.of(), 0.0);
        heartbeat = NodeHeartbeat.start(directory, info, () -> 0.0, Duration.ofMillis(500));
        Map<String, String> addresses = new HashMap<>(relay.addresses(base + "/relay/v1"));
        addresses.put(HttpNodeLink.ADDRESS_KEY, base + HttpNodeLink.PATH);
        heartbeat.update(n -> n.plus(Set.of(), addresses));
        relay.startMaintenance();
    }

    private void socket(ServerWebSocket ws) {
        if (!ws.path().equals("/ws/signaling")) {
            ws.reject(404);
            return;
        }
        var query = new io.netty.handler.codec.http.QueryStringDecoder(ws.uri()).parameters();
        String token = query.getOrDefault("token", List.of()).stream().findFirst().orElse(null);
        String user = query.getOrDefault("user", List.of()).stream().findFirst().orElse(null);
        ClientSink sink = new ClientSink() {
            @Override
            public void send(String text) {
                ws.writeTextMessage(text);
            }

            @Override
            public void close(int code, String reason) {
                ws.close((short) code, reason);
            }
        };
        loop.run(n -> connections.put(ws, n.open(sink, token, user)));
        ws.textMessageHandler(text -> loop.run(n -> {
            Connection c = connections.get(ws);
            if (c != null) {
                n.onText(c, text);
            }
        }));
        ws.closeHandler(v -> loop.run(n -> {
            Connection c = connections.remove(ws);
            if (c != null) {
                n.onClose(c);
            }
        }));
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " not on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        loop.close();
        link.close();
        remote.close();
        gateway.close();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        shared.close();
        heartbeat.close();
        relay.close();
    }
}
