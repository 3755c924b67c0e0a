// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the FFmpeg objects this module has allocated and not yet freed, by kind.
 *
 * <p>Process-wide on purpose, like Netty's leak detector: native memory is a process resource and
 * the question "did every transcoder give back what it took" spans instances. It is a diagnostic
 * (tests assert it returns to zero after shutdown), never a control input.
 */
public final class NativeLedger {

    /** Kinds of native objects the module owns. */
    public enum Kind {
        CODEC_CONTEXT, FRAME, PACKET, SCALER, RESAMPLER, AUDIO_FIFO
    }

    private static final Map<Kind, LongAdder> LIVE = new EnumMap<>(Kind.class);

    static {
        for (Kind k : Kind.values()) {
            LIVE.put(k, new LongAdder());
        }
    }

    private NativeLedger() {
    }

    static void allocated(Kind kind) {
        LIVE.get(kind).increment();
    }

    static void freed(Kind kind) {
        LIVE.get(kind).decrement();
    }

    /** Objects of {@code kind} allocated and not yet freed. */
    public static long live(Kind kind) {
        return LIVE.get(kind).sum();
    }

    /** All live objects, by kind. */
    public static Map<Kind, Long> snapshot() {
        Map<Kind, Long> out = new EnumMap<>(Kind.class);
        LIVE.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public static long liveTotal() {
        return LIVE.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
