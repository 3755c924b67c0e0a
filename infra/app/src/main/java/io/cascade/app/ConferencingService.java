// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.signaling.Authenticator;
import io.cascade.conferencing.signaling.ClientSink;
import io.cascade.conferencing.signaling.Connection;
import io.cascade.conferencing.signaling.DirectoryLocator;
import io.cascade.conferencing.signaling.HttpNodeLink;
import io.cascade.conferencing.signaling.NodeLinkReceiver;
import io.cascade.conferencing.signaling.MeshThreshold;
import io.cascade.conferencing.signaling.PublishingCallEvents;
import io.cascade.conferencing.signaling.PublishingRoomEvents;
import io.cascade.conferencing.signaling.RemoteSfus;
import io.cascade.conferencing.signaling.RoomHomes;
import io.cascade.conferencing.signaling.SfuOfferReceiver;
import io.cascade.conferencing.sfu.GatewaySfu;
import io.cascade.conferencing.signaling.SignalingLoop;
import io.cascade.conferencing.signaling.SignalingNode;
import io.cascade.conferencing.signaling.SignalingSettings;
import io.cascade.conferencing.users.SharedUserService;
import io.cascade.conferencing.users.UserService;
import io.cascade.platform.config.CascadeConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Wires the signaling node (module conferencing, package {@code signaling}) into this process: its
 * loop thread, the directory as locator, the HTTP link to other nodes at {@value HttpNodeLink#PATH}
 * on the application port, events to Kafka, and the WebSocket connections of
 * {@link SignalingEndpoint}. Rooms span nodes: their homes are claimed in the directory's
 * {@value RoomHomes#CACHE} cache, and other nodes' homes ask this node's SFU for the sessions of
 * members connected here at {@value RemoteSfus#PATH}. Adds role {@code signaling} and its address to this node's directory
 * entry.
 */
@ApplicationScoped
public class ConferencingService {
    private static final Logger LOG = Logger.getLogger(ConferencingService.class);

    @Inject
    CascadeConfig config;

    @Inject
    SignalingConfig signaling;

    @Inject
    PlatformServices platform;

    @Inject
    WebRtcService webrtc;

    @Inject
    RelayService relay;

    @Inject
    BroadcastPipeline pipeline;

    private SignalingLoop loop;
    private HttpNodeLink link;
    private RemoteSfus remoteSfus;
    /** Connections by WebSocket connection id; touched only on the loop thread. */
    private final Map<String, Connection> connections = new HashMap<>();

    void start(@Observes StartupEvent ev, Router router) {
        Set<String> roles = config.node().roles();
        if (!signaling.enabled() || !(roles.contains("all") || roles.contains("signaling"))) {
            LOG.info("signaling off on this node (cascade.signaling.enabled or cascade.node.roles)");
            return;
        }
        String node = config.node().id();
        var settings = new SignalingSettings(node, signaling.ringTimeout(), signaling.maxMessageBytes(),
                signaling.messagesPerSecond(), signaling.burst(), signaling.presenceToEveryone());
        var auth = new Authenticator(signaling.devAuth() ? Optional.of(config.api().devToken()) : Optional.empty(),
                signaling.jwtSecret(), InstantSource.system());
        link = new HttpNodeLink(node, signaling.clusterToken(), HttpNodeLink.fromDirectory(platform.directory()));
        var signalingNode = new SignalingNode(settings, InstantSource.system(),
                new SharedUserService(platform.caches().users()).seed(UserService.localSeeds()), auth,
                new DirectoryLocator(platform.directory(), node), link,
                new PublishingCallEvents(platform.events(), node, InstantSource.system()),
                new PublishingRoomEvents(platform.events(), node, InstantSource.system()), MeshThreshold.DEFAULT);
        loop = new SignalingLoop(signalingNode, "signaling", signaling.tick());
        SignalingLoop rooms = loop;
        // members publish to and play from this node's gateway; streams of other nodes are pulled
        // through the relay, their formats found in the directory through the pipeline's shared catalog
        var sfu = new GatewaySfu(webrtc::gateway, () -> relay.node() == null ? null : relay.node().puller(),
                pipeline.catalog());
        signalingNode.sfu(sfu, work -> rooms.run(n -> work.run()));
        remoteSfus = new RemoteSfus(node, signaling.clusterToken(), HttpNodeLink.fromDirectory(platform.directory()), link);
        var directory = platform.directory();
        signalingNode.cluster(new RoomHomes(platform.caches().rooms(), node, directory::isAlive), remoteSfus);
        SfuOfferReceiver offers = new SfuOfferReceiver(signaling.clusterToken(), sfu, link);
        router.post(RemoteSfus.PATH).handler(BodyHandler.create().setBodyLimit(SfuOfferReceiver.MAX_BODY));
        router.post(RemoteSfus.PATH).blockingHandler(ctx -> {
            var body = ctx.body().buffer();
            var reply = offers.receive(ctx.request().getHeader("Authorization"), body == null ? new byte[0] : body.getBytes());
            ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
        }, false);
        NodeLinkReceiver receiver = new NodeLinkReceiver(signaling.clusterToken(), loop);
        router.post(HttpNodeLink.PATH).handler(BodyHandler.create().setBodyLimit(NodeLinkReceiver.MAX_BODY));
        router.post(HttpNodeLink.PATH).handler(ctx -> {
            var body = ctx.body().buffer();
            int status = receiver.receive(ctx.request().getHeader("Authorization"),
                    body == null ? new byte[0] : body.getBytes());
            ctx.response().setStatusCode(status).end();
        });
        String address = "http://" + config.node().advertisedHost() + ":" + platform.httpPort() + HttpNodeLink.PATH;
        platform.heartbeat().update(n -> n.plus(Set.of("signaling"), Map.of(HttpNodeLink.ADDRESS_KEY, address)));
        if (signaling.devAuth()) {
            LOG.warn("signaling accepts the dev token for any user (cascade.signaling.dev-auth=true): local use only");
        }
    }

    public boolean running() {
        return loop != null;
    }

    /** A page connected; {@code token} and {@code user} come from the URL (null: expect {@code hello}). */
    void open(String id, ClientSink sink, String token, String user) {
        loop.run(node -> connections.put(id, node.open(sink, token, user)));
    }

    void text(String id, String text) {
        loop.run(node -> {
            Connection c = connections.get(id);
            if (c != null) {
                node.onText(c, text);
            }
        });
    }

    void close(String id) {
        loop.run(node -> {
            Connection c = connections.remove(id);
            if (c != null) {
                node.onClose(c);
            }
        });
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
        if (link != null) {
            link.close();
        }
        if (remoteSfus != null) {
            remoteSfus.close();
        }
    }
}
