// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventPublisher;
import io.cascade.platform.event.PublisherStats;
import io.cascade.transcode.Transcoder;
import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Format jobs that only record that they started and stopped (placement logic does not need
 * FFmpeg), and the events emitted, for the agent's tests. Thread-safe: agents tick on their own
 * threads in the cluster test.
 */
final class FakeJobs implements FormatJobs {

    /** One started job. */
    static final class Job implements Transcoder {
        final AssignmentKey key;
        final long startedNanos = System.nanoTime();
        volatile boolean closed;

        Job(AssignmentKey key) {
            this.key = key;
        }

        @Override
        public void submit(EncodedPacket packet) {
        }

        @Override
        public void videoConfig(byte[] config) {
        }

        @Override
        public void forceKeyframe() {
        }

        @Override
        public List<OutputTrack> outputs() {
            return List.of();
        }

        @Override
        public TranscoderStats stats() {
            return new TranscoderStats(0, 0, 0, 0, 0, 0, List.of(), null);
        }

        @Override
        public void finish() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Job> started = new CopyOnWriteArrayList<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Keys whose input is still on its way: the start answers "pending". */
    final Set<String> pending = ConcurrentHashMap.newKeySet();

    @Override
    public Transcoder start(AssignmentKey key) throws Exception {
        if (failing.contains(key.toString())) {
            throw new java.io.IOException("no program for " + key.broadcast());
        }
        if (pending.contains(key.toString())) {
            throw new InputPendingException("program of " + key.broadcast() + " still being pulled");
        }
        Job j = new Job(key);
        started.add(j);
        return j;
    }

    /** Keys of the jobs running now. */
    Set<String> running() {
        return started.stream().filter(j -> !j.closed).map(j -> j.key.toString()).collect(Collectors.toSet());
    }

    /** Events published, in order. */
    static final class Events implements EventPublisher {
        final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public boolean publish(Event event) {
            events.add(event);
            return true;
        }

        @Override
        public PublisherStats stats() {
            return new PublisherStats(events.size(), events.size(), 0, 0, 0);
        }

        @Override
        public void close() {
        }

        List<String> types() {
            return events.stream().map(Event::type).toList();
        }
    }
}
