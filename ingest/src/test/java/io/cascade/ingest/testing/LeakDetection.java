// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked buffer. The level is PARANOID (the surefire
 * argLine sets it too); a report needs the buffer collected and a later allocation, so after the
 * class this runs a few collections with an allocation after each. Best effort: a leak the
 * collector keeps can go unseen, but a reported one always fails.
 */
public final class LeakDetection implements BeforeAllCallback, AfterAllCallback {
    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static boolean listening;

    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        listen();
    }

    private static synchronized void listen() throws ReflectiveOperationException {
        if (listening) {
            return;
        }
        // The buffers' detector is a package-private static; its listener sees every report.
        Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
        field.setAccessible(true);
        ((ResourceLeakDetector<?>) field.get(null)).setLeakListener((type, records) -> LEAKS.add(type + ":\n" + records));
        listening = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (int i = 0; i < 5 && LEAKS.isEmpty(); i++) {
            System.gc();
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(1);
            probe.release();
        }
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        assertThat(leaks).as("buffers collected without release").isEmpty();
    }
}
