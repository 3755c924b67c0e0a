// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One broadcast's sources and its program output. Sources push frames from their own threads;
 * every method synchronizes on the manager (frame rates are tens per second per source, so one
 * lock is simpler than handing frames between threads and costs nothing that matters).
 *
 * <p>Switching: {@link #cut} (operator) or a failover sets a pending source; the switch happens on
 * that source's next keyframe. The new source's timestamps are shifted so that its keyframe
 * lands one frame interval after the last frame out: the output timeline never jumps or goes
 * back. Its audio then follows, on the same shift (so each source keeps its own lip sync);
 * audio older than the cut is dropped. {@link #tick} (call every ~100 ms) detects a silent
 * program: after {@code failoverAfter} without a frame it goes pending on the backup, or on any
 * live source (the program's own source too, once it has reconnected). With nothing live the
 * {@link Slate} plays ({@link SlateFeed}, driven by {@link #tick}) until a source comes back.
 *
 * <p>Every switch (to a source or to the slate) is announced to the sink with
 * {@link ProgramSink#programSwitch} just before the new source's keyframe.
 */
public final class InputManager {
    /** What the manager reports; called with its lock held: do not block. */
    public interface Listener {
        void switched(String from, String to, SwitchReason reason);

        /** Nothing is live and the program has stopped: the slate plays, if there is one. */
        default void idle(String lastProgram) {
        }

        /**
         * The program now waits for a keyframe of {@code source} (start, operator cut, failover):
         * a source that sends IDR pictures rarely (a browser over WHIP) should be asked for one.
         */
        default void awaitingKeyframe(String source) {
        }
    }

    private static final int DEFAULT_FRAME_MS = 33;

    private final InstantSource clock;
    private final ProgramOutput out;
    private final SlateFeed slate;
    private final Listener listener;
    private final long failoverMs;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private Source program;
    private Source pending;
    private SwitchReason pendingReason;
    private String backup;
    private long switches;
    private boolean idleReported;

    /** A manager without a slate: with nothing live the program stops. */
    public InputManager(InstantSource clock, ProgramSink out, Listener listener, Duration failoverAfter) {
        this(clock, out, listener, failoverAfter, Slate.none());
    }

    public InputManager(InstantSource clock, ProgramSink out, Listener listener, Duration failoverAfter, Slate slate) {
        this.clock = clock;
        this.out = new ProgramOutput(out);
        this.slate = new SlateFeed(slate, this.out);
        this.listener = listener;
        this.failoverMs = failoverAfter.toMillis();
    }

    private static final class Source {
        final String name;
        byte[] videoConfig;
        byte[] audioConfig;
        long lastFrameMs = Long.MIN_VALUE;
        long lastDts = Long.MIN_VALUE;
        int frameMs = DEFAULT_FRAME_MS;
        boolean connected;
        /** Added to this source's timestamps while it is (or was last) the program. */
        long offset;
        /** Source-time dts of the keyframe it went on air with: earlier audio is dropped. */
        long onAirFromDts = Long.MIN_VALUE;
        /** Disconnected since it was last put on air: its frames wait for a new keyframe switch. */
        boolean held;

        Source(String name) {
            this.name = name;
        }
    }

    // ---- sources

    /** A source (camera) connected. */
    public synchronized void connected(String source) {
        src(source).connected = true;
        if (program == null && pending == null) {
            await(src(source), SwitchReason.START);
        }
    }

    /** A source disconnected; if it was the program, fail over now. */
    public synchronized void disconnected(String source) {
        Source s = sources.get(source);
        if (s == null) {
            return;
        }
        s.connected = false;
        s.held = true;
        s.lastFrameMs = Long.MIN_VALUE;
        if (s == program || s == pending) {
            failover();
        }
    }

    public synchronized void videoConfig(String source, byte[] avcDecoderConfigurationRecord) {
        src(source).videoConfig = avcDecoderConfigurationRecord.clone();
        if (src(source) == program && !program.held && !slate.on()) {
            out.videoConfig(avcDecoderConfigurationRecord);
        }
    }

    public synchronized void audioConfig(String source, byte[] audioSpecificConfig) {
        src(source).audioConfig = audioSpecificConfig.clone();
    }

    public synchronized void video(String source, long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc) {
        Source s = src(source);
        long now = clock.millis();
        s.lastFrameMs = now;
        if (s.lastDts != Long.MIN_VALUE && dtsMs > s.lastDts && dtsMs - s.lastDts < 1000) {
            s.frameMs = (int) (dtsMs - s.lastDts);
        }
        s.lastDts = dtsMs;
        idleReported = false;
        if (s == pending && keyframe && s.videoConfig != null) {
            goOnAir(s, dtsMs);
        }
        if (s != program || s.held) {
            return;
        }
        // A source whose clock went back is dropped until it passes what is out.
        out.video(dtsMs + s.offset, compositionOffsetMs, keyframe, avcc);
    }

    public synchronized void audio(String source, long dtsMs, byte[] aac) {
        Source s = src(source);
        if (s != program || s.held || dtsMs < s.onAirFromDts || s.audioConfig == null) {
            return;
        }
        out.audioConfig(s.audioConfig);
        out.audio(dtsMs + s.offset, aac);
    }

    // ---- operator

    /** Cuts to {@code source} at its next keyframe. */
    public synchronized void cut(String source) {
        Source s = src(source);
        if (s == program) {
            pending = null;
            return;
        }
        await(s, SwitchReason.OPERATOR);
    }

    /** The source to fail over to when the program goes silent (null: any live source). */
    public synchronized void designateBackup(String source) {
        this.backup = source;
    }

    /** Failover check and the slate's clock; call every ~100 ms. */
    public synchronized void tick() {
        if (program != null && (!isLive(program) || program.held) && (pending == null || !isLive(pending))) {
            failover();
        }
        slate.tick(clock.millis());
    }

    public synchronized ProgramState state() {
        Map<String, Boolean> live = new LinkedHashMap<>();
        sources.values().forEach(s -> live.put(s.name, isLive(s)));
        return new ProgramState(program == null ? null : program.name, pending == null ? null : pending.name,
                backup, live, switches, slate.on());
    }

    // ---- internals

    private void failover() {
        Source target = backup == null ? null : sources.get(backup);
        if (target == null || target == program || !isLive(target)) {
            target = firstLive(false);
        }
        if (target == null) {
            target = firstLive(true); // the program's own source, back after a reconnect
        }
        if (target != null) {
            await(target, program == null ? SwitchReason.START : SwitchReason.FAILOVER);
        } else if (!idleReported && program != null) {
            idleReported = true;
            program.held = true;
            slate.start(clock.millis());
            listener.idle(program.name);
        }
    }

    private Source firstLive(boolean programToo) {
        for (Source s : sources.values()) {
            if ((programToo || s != program) && isLive(s)) {
                return s;
            }
        }
        return null;
    }

    private boolean isLive(Source s) {
        return s.connected && s.lastFrameMs != Long.MIN_VALUE && clock.millis() - s.lastFrameMs <= failoverMs;
    }

    /** {@code s} goes on air at its next keyframe; the listener hears of a new wait only. */
    private void await(Source s, SwitchReason reason) {
        boolean fresh = pending != s;
        pending = s;
        pendingReason = reason;
        if (fresh) {
            listener.awaitingKeyframe(s.name);
        }
    }

    /** {@code s} goes on air with the keyframe at source time {@code dtsMs}. */
    private void goOnAir(Source s, long dtsMs) {
        Source from = program;
        int gap = from == null ? s.frameMs : from.frameMs;
        // After the last frame out on either track, so neither goes back (the slate's silence
        // runs ahead of its once-a-second picture).
        long last = out.lastDts();
        s.offset = last == ProgramOutput.NONE ? 0 : last + gap - dtsMs;
        s.onAirFromDts = dtsMs;
        s.held = false;
        program = s;
        pending = null;
        switches++;
        slate.stop();
        out.videoConfig(s.videoConfig);
        out.programSwitch();
        listener.switched(from == null ? null : from.name, s.name, pendingReason == null ? SwitchReason.START : pendingReason);
        pendingReason = null;
    }

    private Source src(String name) {
        Objects.requireNonNull(name, "source");
        return sources.computeIfAbsent(name, Source::new);
    }
}
