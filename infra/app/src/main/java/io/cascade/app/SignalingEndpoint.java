// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.signaling.ClientSink;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code WS /ws/signaling[?token=T[&user=NAME]]}: the signaling WebSocket (docs/signaling.md). A thin
 * adapter: frames go to {@link ConferencingService}'s loop, replies come back through a
 * {@link ClientSink} that never blocks. Binary frames are not part of the protocol.
 */
@WebSocket(path = "/ws/signaling")
public class SignalingEndpoint {
    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class);

    @Inject
    ConferencingService service;

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        if (!service.running()) {
            connection.close(new CloseReason(1013, "signaling is off on this node")).subscribe().with(v -> {}, e -> {});
            return;
        }
        Map<String, String> query = query(connection.handshakeRequest().query());
        service.open(connection.id(), sink(connection), query.get("token"), query.get("user"));
    }

    @OnTextMessage
    public void onText(WebSocketConnection connection, String text) {
        service.text(connection.id(), text);
    }

    @OnBinaryMessage
    public void onBinary(WebSocketConnection connection, Buffer data) {
        service.text(connection.id(), "\u0000binary frame");
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        if (service.running()) {
            service.close(connection.id());
        }
    }

    private static ClientSink sink(WebSocketConnection connection) {
        return new ClientSink() {
            @Override
            public void send(String text) {
                connection.sendText(text).subscribe().with(v -> {}, e -> LOG.debugf("send failed: %s", e.getMessage()));
            }

            @Override
            public void close(int code, String reason) {
                connection.close(new CloseReason(code, reason)).subscribe().with(v -> {}, e -> {});
            }
        };
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: ignore that parameter
            }
        }
        return out;
    }
}
