// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import io.cascade.transcode.Transcoder;
import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.metrics.OutputStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A transcode worker: a fixed number of slots, each running one transcoder for one broadcast in
 * one format. The directory (wired elsewhere) reads {@link #status()} to place broadcasts and calls
 * {@link #assign} / {@link #release}; the input side feeds the returned {@link Transcoder}.
 *
 * <p>The worker owns its transcoders: {@link #release} and {@link #close} close them. It creates
 * them through the supplier it is given (normally {@code () -> LadderTranscoder.start(...)}), so it
 * is tested with fakes and knows nothing of FFmpeg.
 *
 * <p>Rates come from cumulative counters and the injected {@link Ticker}: each {@link #stats()}
 * call reports the window since the previous one.
 */
public final class TranscodeWorker implements AutoCloseable {

    private final String id;
    private final int capacity;
    private final Ticker ticker;
    private final Map<AssignmentKey, Slot> slots = new LinkedHashMap<>();
    private boolean closed;

    public TranscodeWorker(String id, int capacity, Ticker ticker) {
        Objects.requireNonNull(id, "id");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id is blank");
        }
        if (capacity < 1 || capacity > 256) {
            throw new IllegalArgumentException("capacity must be 1..256 assignments, got " + capacity);
        }
        this.id = id;
        this.capacity = capacity;
    }

    /**
     * Starts a transcoder for {@code key}.
     *
     * @throws AssignmentRefusedException when full, already assigned, or closed
     */
    public Transcoder assign(AssignmentKey key, Supplier<? extends Transcoder> start) {
        synchronized (slots) {
            if (closed) {
                throw new AssignmentRefusedException(AssignmentRefusedException.Reason.CLOSED, id + " is closed");
            }
            if (slots.containsKey(key)) {
                throw new AssignmentRefusedException(AssignmentRefusedException.Reason.DUPLICATE,
                        id + " already transcodes " + key);
            }
            if (slots.size() >= capacity) {
                throw new AssignmentRefusedException(AssignmentRefusedException.Reason.FULL,
                        id + " is full (" + slots.size() + " of " + capacity + ")");
            }
            Transcoder t = Objects.requireNonNull(start.get(), "transcoder supplier returned null");
            slots.put(key, new Slot(t, ticker.nanos()));
            return t;
        }
    }

    public Optional<Transcoder> transcoder(AssignmentKey key) {
        synchronized (slots) {
            Slot s = slots.get(key);
            return s == null ? Optional.empty() : Optional.of(s.transcoder);
        }
    }

    /** Stops and frees {@code key}'s transcoder; false if it was not assigned here. */
    public boolean release(AssignmentKey key) {
        Slot s;
        synchronized (slots) {
            s = slots.remove(key);
        }
        if (s == null) {
            return false;
        }
        s.transcoder.close();
        return true;
    }

    public WorkerStatus status() {
        synchronized (slots) {
            return new WorkerStatus(id, capacity, new ArrayList<>(slots.keySet()));
        }
    }

    /** Rates of every assignment over the window since the previous call. */
    public List<AssignmentStats> stats() {
        Map<AssignmentKey, Slot> copy;
        synchronized (slots) {
            copy = new LinkedHashMap<>(slots);
        }
        long now = ticker.nanos();
        List<AssignmentStats> out = new ArrayList<>(copy.size());
        copy.forEach((key, slot) -> out.add(slot.window(key, slot.transcoder.stats(), now)));
        return out;
    }

    /** Closes every transcoder; later assignments are refused. */
    @Override
    public void close() {
        List<Slot> all;
        synchronized (slots) {
            closed = true;
            all = new ArrayList<>(slots.values());
            slots.clear();
        }
        all.forEach(s -> s.transcoder.close());
    }

    /** One assignment and the counters at the start of its current stats window. */
    private static final class Slot {
        private final Transcoder transcoder;
        private long lastNanos;
        private long lastDecoded;
        private Map<String, OutputStats> lastOutputs = Map.of();

        Slot(Transcoder transcoder, long nanos) {
            this.transcoder = transcoder;
            this.lastNanos = nanos;
        }

        synchronized AssignmentStats window(AssignmentKey key, TranscoderStats now, long nanos) {
            double seconds = Math.max(1e-9, (nanos - lastNanos) / 1e9);
            Map<String, Double> fps = new HashMap<>();
            double slowestMedia = Double.MAX_VALUE;
            for (OutputStats o : now.outputs()) {
                OutputStats before = lastOutputs.get(o.name());
                long frames = o.frames() - (before == null ? 0 : before.frames());
                long media = o.mediaMicros() - (before == null ? 0 : before.mediaMicros());
                fps.put(o.name(), frames / seconds);
                slowestMedia = Math.min(slowestMedia, media / 1e6);
            }
            double speed = now.outputs().isEmpty() ? 0 : slowestMedia / seconds;
            AssignmentStats stats = new AssignmentStats(key, (now.decodedFrames() - lastDecoded) / seconds, fps,
                    speed, now.droppedFrames(), now.corruptPackets(), now.failure());
            lastNanos = nanos;
            lastDecoded = now.decodedFrames();
            Map<String, OutputStats> outputs = new HashMap<>();
            now.outputs().forEach(o -> outputs.put(o.name(), o));
            lastOutputs = outputs;
            return stats;
        }
    }
}
