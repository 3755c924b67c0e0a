// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.peer.FfmpegCli;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real ffmpeg SRT callers (Debian's FFmpeg 5.1 with libsrt) against the JavaCV listener: a
 * publisher with a good key delivers H.264 in AVCC form with its config and AAC with its
 * AudioSpecificConfig; a wrong key is closed; the listener listens again after each caller.
 */
class SrtListenerTest {
    /** What one sink saw. */
    private static final class Seen implements SrtMediaSink {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile int keyframes;
        volatile int audioFrames;
        volatile boolean ended;
        volatile byte[] asc;

        @Override
        public void videoConfig(byte[] avcC) {
            events.add("vcfg " + avcC[0]);
        }

        @Override
        public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
            if (keyframe) {
                keyframes++;
            }
            int first = ((avcc[0] & 0xFF) << 24) | ((avcc[1] & 0xFF) << 16) | ((avcc[2] & 0xFF) << 8) | (avcc[3] & 0xFF);
            if (first + 4 > avcc.length) {
                events.add("bad avcc");
            }
        }

        @Override
        public void audioConfig(byte[] c) {
            asc = c;
        }

        @Override
        public void audio(long dtsMs, byte[] aac) {
            audioFrames++;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    private final Map<String, Seen> sinks = new ConcurrentHashMap<>();

    private Optional<SrtMediaSink> handle(String streamId) {
        if (!streamId.startsWith("publish:good")) {
            return Optional.empty();
        }
        Seen s = new Seen();
        sinks.put(streamId, s);
        return Optional.of(s);
    }

    @Test
    @Timeout(60)
    void aGoodKeyPublishesAWrongKeyIsClosedAndTheListenerListensAgain() throws Exception {
        FfmpegCli.assumeInstalled();
        int port;
        try (DatagramSocket free = new DatagramSocket(0)) {
            port = free.getLocalPort();
        }
        List<Process> callers = new ArrayList<>();
        try (SrtListener listener = SrtListener.start("127.0.0.1", port, this::handle)) {
            callers.add(caller(port, "publish:good1", 3));
            await(() -> sinks.containsKey("publish:good1") && sinks.get("publish:good1").ended);
            Process wrong = caller(port, "publish:wrong", 3);
            callers.add(wrong);
            assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong.exitValue()).as("a wrong key is closed").isNotZero();
            callers.add(caller(port, "publish:good2", 3));
            await(() -> sinks.containsKey("publish:good2") && sinks.get("publish:good2").ended);

            for (String key : List.of("publish:good1", "publish:good2")) {
                Seen s = sinks.get(key);
                assertThat(s.events).first().isEqualTo("vcfg 1");
                assertThat(s.events).doesNotContain("bad avcc");
                assertThat(s.keyframes).as(key).isGreaterThanOrEqualTo(2);
                assertThat(s.audioFrames).as(key).isGreaterThan(90); // ~140 in 3 s, less the probe's
                assertThat(s.asc).containsExactly(0x11, 0x88); // AAC-LC, 48 kHz, mono
            }
            assertThat(listener.accepted()).isEqualTo(2);
            assertThat(listener.refused()).isEqualTo(1);
        } finally {
            for (Process p : callers) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process caller(int port, String streamId, int seconds) throws Exception {
        return new ProcessBuilder(List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                "-g", "30", "-c:a", "aac", "-f", "mpegts", "srt://127.0.0.1:" + port + "?streamid=" + streamId))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
