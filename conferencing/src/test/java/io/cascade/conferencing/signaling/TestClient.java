// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A page as the node sees it: a sink that decodes what it is sent. Thread-safe (nodes on loops call it). */
final class TestClient implements ClientSink {
    final String user;
    private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final List<ServerMessage> seen = new ArrayList<>();
    volatile Connection connection;
    volatile int closedWith;

    TestClient(String user) {
        this.user = user;
    }

    @Override
    public void send(String text) {
        inbox.add(SignalingJson.read(text, ServerMessage.class));
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
    }

    /** The next message of that type, skipping others; fails at once when none is queued. */
    <T extends ServerMessage> T take(Class<T> type) {
        return poll(type, Duration.ZERO);
    }

    /** The next message of that type, waiting up to {@code bound} (for nodes on their own threads). */
    <T extends ServerMessage> T await(Class<T> type, Duration bound) {
        return poll(type, bound);
    }

    private <T extends ServerMessage> T poll(Class<T> type, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (true) {
                ServerMessage m = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError(user + " got no " + type.getSimpleName() + "; before: " + seen);
                }
                synchronized (seen) {
                    seen.add(m);
                }
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Messages queued and not taken yet, of that type. */
    <T extends ServerMessage> List<T> pending(Class<T> type) {
        return inbox.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void drain() {
        inbox.drainTo(seen);
    }
}
