// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cascade.local.junit.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The join-time bench's reference peer: the browser's own floor for a 1:1 call, measured as the
 * call shape is. Two Chromium processes with the bench's flags (one per page, as for the call)
 * open a static page ({@code bench/join-floor.html}, served by this class on loopback: a secure
 * context for the camera) with no Cascade code: camera, one RTCPeerConnection without ICE
 * servers, trickle ICE. The bench driver carries offer, answer and candidates between the pages
 * over the DevTools protocol, one long-polling thread per direction, in place of a signaling
 * server. The callee page is open with its camera first (as the call's callee is connected); the
 * caller page is timed: navigation to its first remote video frame shown.
 */
final class JoinTimeFloor implements AutoCloseable {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration READY = Duration.ofSeconds(60);

    private final HttpServer server;
    private final String page;

    private JoinTimeFloor(HttpServer server) {
        this.server = server;
        this.page = "http://127.0.0.1:" + server.getAddress().getPort() + "/floor.html";
    }

    /** Serves the floor page on a free loopback port. */
    static JoinTimeFloor start() throws IOException {
        byte[] html;
        try (InputStream in = JoinTimeFloor.class.getClassLoader().getResourceAsStream("bench/join-floor.html")) {
            if (in == null) {
                throw new IOException("bench/join-floor.html not on the class path (compile the app's test classes)");
            }
            html = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/floor.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        server.start();
        return new JoinTimeFloor(server);
    }

    /** One run: the caller page's time from navigation to its first remote video frame, in ms. */
    long run() throws Exception {
        try (Chromium calleeBrowser = Chromium.start(); Chromium callerBrowser = Chromium.start()) {
            String callee = calleeBrowser.open(page + "?role=callee");
            JoinTimeBench.waitUntil(calleeBrowser, callee, "floor.state().ready", JsonNode::asBoolean);
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            String caller = callerBrowser.open(page + "?role=caller");
            Thread up = carry(callerBrowser, caller, calleeBrowser, callee, done, failure);
            Thread down = carry(calleeBrowser, callee, callerBrowser, caller, done, failure);
            try {
                JsonNode t = JoinTimeBench.waitUntil(callerBrowser, caller, "floor.state().firstFrameMs", JsonNode::isNumber);
                return t.asLong();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; carrier: " + failure.get() + "; caller's errors: "
                        + callerBrowser.evaluate(caller, "floor.state().errors", STEP), e);
            } finally {
                done.set(true);
                up.join(TimeUnit.SECONDS.toMillis(15));
                down.join(TimeUnit.SECONDS.toMillis(15));
            }
        }
    }

    /**
     * A thread that takes what page {@code from} posts and delivers it to page {@code to} until
     * {@code done}; the page is not loaded yet on the first tries (the evaluation throws).
     */
    private static Thread carry(Chromium fromBrowser, String from, Chromium toBrowser, String to, AtomicBoolean done,
            AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + READY.toNanos();
            while (!done.get() && System.nanoTime() < deadline) {
                try {
                    JsonNode messages = fromBrowser.evaluate(from, "window.floor ? floor.take() : null", STEP);
                    if (messages.isArray() && !messages.isEmpty()) {
                        toBrowser.evaluate(to, "floor.deliver(" + messages + ")", STEP);
                    } else if (!messages.isArray()) {
                        Thread.sleep(20);
                    }
                } catch (AssertionError | RuntimeException e) { // the page is navigating: try again
                    failure.set(e);
                    sleep();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "join-floor-carrier");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
