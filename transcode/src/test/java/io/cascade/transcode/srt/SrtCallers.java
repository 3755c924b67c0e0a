// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.transcode.media.SourceSink;
import io.cascade.transcode.peer.FfmpegCli;
import java.net.DatagramSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Real SRT callers for the listener tests: the ffmpeg CLI (Debian's FFmpeg 5.1, its own libsrt)
 * publishing a test pattern and a tone as H.264 + AAC in MPEG-TS, and a sink that records what
 * reached it.
 */
final class SrtCallers {
    private SrtCallers() {
    }

    /** Skips the calling test unless the ffmpeg CLI is installed with the srt protocol. */
    static void assumeSrtCaller() {
        FfmpegCli.assumeInstalled();
        FfmpegCli.Result r = FfmpegCli.run(FfmpegCli.FFMPEG, "-hide_banner", "-protocols");
        assumeTrue(r.out().lines().anyMatch(l -> l.strip().equals("srt")),
                "ffmpeg CLI has no srt protocol: skipping");
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket free = new DatagramSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** An ffmpeg caller publishing for {@code seconds} (0: until killed). */
    static Process caller(int port, String streamId, int seconds) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(FfmpegCli.FFMPEG.toString(), "-hide_banner",
                "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000"));
        if (seconds > 0) {
            cmd.addAll(List.of("-t", Integer.toString(seconds)));
        }
        cmd.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                "-g", "30", "-c:a", "aac", "-f", "mpegts", "srt://127.0.0.1:" + port + "?streamid=" + streamId));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** What one sink saw. */
    static final class Seen implements SourceSink {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile int videoFrames;
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
            assertThat(ended).as("media after end").isFalse();
            videoFrames++;
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
            events.add("end");
            ended = true;
        }

        /** The checks every publisher's sink must pass: config first, AVCC, keyframes, AAC-LC 48 kHz mono. */
        void assertMedia(String as, int minKeyframes, int minAudioFrames) {
            assertThat(events).as(as).first().isEqualTo("vcfg 1");
            assertThat(events).as(as).doesNotContain("bad avcc");
            assertThat(keyframes).as(as + " keyframes").isGreaterThanOrEqualTo(minKeyframes);
            assertThat(audioFrames).as(as + " audio frames").isGreaterThan(minAudioFrames);
            assertThat(asc).as(as).containsExactly(0x11, 0x88);
        }
    }
}
