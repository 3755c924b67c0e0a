// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
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
 * Runs a test class with Netty's leak detector at PARANOID (every buffer tracked) and fails the
 * class when a leak is reported.
 *
 * <p>Netty reports a leak only when a tracked buffer has been garbage-collected unreleased and a
 * later allocation polls the reference queue, so after the class this asks for a few GCs and
 * allocates between them. That is best effort: a leak can go unseen if the collector keeps the
 * buffer, but a reported one always fails. The listener is attached to the detector of
 * {@link AbstractByteBuf} (a package-private static field, read reflectively) once per JVM.
 */
public final class LeakDetection implements BeforeAllCallback, AfterAllCallback {
    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static final int GC_ROUNDS = 5;
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        install();
    }

    private static synchronized void install() throws ReflectiveOperationException {
        if (installed) {
            return;
        }
        Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
        field.setAccessible(true);
        ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
        detector.setLeakListener((type, records) -> LEAKS.add(type + " leaked:\n" + records));
        installed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (int i = 0; i < GC_ROUNDS && LEAKS.isEmpty(); i++) {
            System.gc();
            // Each tracked allocation polls the detector's reference queue.
            ByteBuf probe = PooledBuffers.ALLOC.directBuffer(1);
            probe.release();
        }
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        assertThat(leaks).as("ByteBufs garbage-collected without release").isEmpty();
    }
}
