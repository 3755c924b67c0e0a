// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cascade.transcode.Transcoder;
import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.metrics.OutputStats;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TranscodeWorkerTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TranscodeWorker worker = new TranscodeWorker("w1", 2, nanos::get);
    private final AssignmentKey live = new AssignmentKey("b42", "hls");

    /** A transcoder whose counters the test sets. */
    static final class FakeTranscoder implements Transcoder {
        volatile TranscoderStats stats = stats(0, 0, 0, 0);
        boolean closed;

        static TranscoderStats stats(long decoded, long frames, long mediaMicros, long dropped) {
            return new TranscoderStats(decoded, 0, 1, 0, decoded, 0,
                    List.of(new OutputStats("video/720p", frames, dropped, frames * 1000, mediaMicros),
                            new OutputStats("audio/aac", frames / 2, 0, 10, mediaMicros + 500_000)),
                    null);
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
            return stats;
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

    @Test
    void ratesAreComputedPerWindowFromTheInjectedClock() {
        FakeTranscoder t = new FakeTranscoder();
        worker.assign(live, () -> t);
        t.stats = FakeTranscoder.stats(60, 60, 2_000_000, 3);
        nanos.addAndGet(2_000_000_000L);
        AssignmentStats first = worker.stats().get(0);
        assertThat(first.inputFps()).isCloseTo(30.0, within(1e-9));
        assertThat(first.outputFps()).containsEntry("video/720p", 30.0).containsEntry("audio/aac", 15.0);
        assertThat(first.encodeSpeed()).as("slowest output, media s per wall s").isCloseTo(1.0, within(1e-9));
        assertThat(first.droppedFrames()).isEqualTo(3);
        assertThat(first.corruptPackets()).isEqualTo(1);

        t.stats = FakeTranscoder.stats(360, 360, 12_000_000, 3);
        nanos.addAndGet(4_000_000_000L);
        AssignmentStats second = worker.stats().get(0);
        assertThat(second.inputFps()).isCloseTo(75.0, within(1e-9));
        assertThat(second.encodeSpeed()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void slotsAreLimitedAndKeyedByBroadcastAndFormat() {
        worker.assign(live, FakeTranscoder::new);
        assertThatThrownBy(() -> worker.assign(live, FakeTranscoder::new))
                .isInstanceOfSatisfying(AssignmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AssignmentRefusedException.Reason.DUPLICATE));
        worker.assign(new AssignmentKey("b42", "webrtc"), FakeTranscoder::new);
        assertThatThrownBy(() -> worker.assign(new AssignmentKey("b43", "hls"), FakeTranscoder::new))
                .isInstanceOfSatisfying(AssignmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AssignmentRefusedException.Reason.FULL));
        assertThat(worker.status().available()).isZero();
        assertThat(worker.status().assignments()).containsExactly(live, new AssignmentKey("b42", "webrtc"));
    }

    @Test
    void releaseAndCloseCloseTheTranscoders() {
        FakeTranscoder a = new FakeTranscoder();
        FakeTranscoder b = new FakeTranscoder();
        worker.assign(live, () -> a);
        worker.assign(new AssignmentKey("b9", "hls"), () -> b);
        assertThat(worker.release(live)).isTrue();
        assertThat(a.closed).isTrue();
        assertThat(worker.release(live)).isFalse();
        assertThat(worker.transcoder(live)).isEmpty();
        worker.close();
        assertThat(b.closed).isTrue();
        assertThatThrownBy(() -> worker.assign(live, FakeTranscoder::new))
                .isInstanceOfSatisfying(AssignmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AssignmentRefusedException.Reason.CLOSED));
    }

    @Test
    void invalidWorkerSettingsAreRejected() {
        assertThatThrownBy(() -> new TranscodeWorker("w", 0, nanos::get)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new AssignmentKey(" ", "hls")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyReadsBackFromItsTextFormAndRefusesSlashesInItsParts() {
        AssignmentKey k = AssignmentKey.ladder("b42");
        assertThat(k.toString()).isEqualTo("b42/ladder");
        assertThat(AssignmentKey.parse(k.toString())).isEqualTo(k);
        assertThatThrownBy(() -> AssignmentKey.parse("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssignmentKey.parse("a/b/c")).isInstanceOf(IllegalArgumentException.class);
    }
}
