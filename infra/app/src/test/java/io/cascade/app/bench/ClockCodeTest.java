// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockCodeTest {
    private static final String FFMPEG = "/usr/bin/ffmpeg";

    @Test
    void readsBackExactlyAfterDownscaleAndLowBitrateX264(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(FFMPEG)), "needs the ffmpeg CLI");
        int w = 1280;
        int h = 720;
        Random random = new Random(7);
        long base = System.currentTimeMillis() - 3_600_000 - random.nextInt(1 << 30); // read back at the real clock
        List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            stamps.add(base + i * 33L + random.nextInt(3));
        }
        Path encoded = dir.resolve("clock.ts");
        // 720p source -> the ladder's 360p scale -> x264 at 250 kbit/s, noisy picture below the band
        Process enc = new ProcessBuilder(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-f", "rawvideo",
                "-pix_fmt", "gray", "-s", w + "x" + h, "-framerate", "30", "-i", "pipe:0", "-vf", "scale=640:360",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "250k", "-maxrate", "250k", "-bufsize", "250k",
                "-g", "30", "-pix_fmt", "yuv420p", "-f", "mpegts", encoded.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("enc.log").toFile()).start();
        try (OutputStream in = enc.getOutputStream()) {
            byte[] frame = new byte[w * h];
            for (long stamp : stamps) {
                random.nextBytes(frame);
                ClockCode.draw(frame, w, h, stamp);
                in.write(frame);
            }
        }
        assertThat(enc.waitFor()).as(Files.readString(dir.resolve("enc.log"))).isZero();

        List<OptionalLong> read = Collections.synchronizedList(new ArrayList<>());
        try (ClockDecoder dec = ClockDecoder.start(FFMPEG, "mpegts", dir.resolve("dec.log"), (t, stamp) -> read.add(stamp))) {
            try (OutputStream in = dec.input()) {
                Files.copy(encoded, in);
            }
            dec.finish(20_000);
        }
        assertThat(read).hasSize(stamps.size());
        assertThat(read).allMatch(OptionalLong::isPresent);
        assertThat(read.stream().map(OptionalLong::getAsLong).toList()).isEqualTo(stamps);
    }

    @Test
    void noiseFramesGiveNoReading(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(FFMPEG)), "needs the ffmpeg CLI");
        Path encoded = dir.resolve("noise.ts");
        Process enc = new ProcessBuilder(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30,noise=alls=60:allf=t", "-frames:v", "30", "-vf", "scale=640:360",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "300k", "-f", "mpegts", encoded.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("enc.log").toFile()).start();
        assertThat(enc.waitFor()).isZero();
        List<OptionalLong> read = Collections.synchronizedList(new ArrayList<>());
        try (ClockDecoder dec = ClockDecoder.start(FFMPEG, "mpegts", dir.resolve("dec.log"), (t, stamp) -> read.add(stamp))) {
            try (OutputStream in = dec.input()) {
                Files.copy(encoded, in);
            }
            dec.finish(20_000);
        }
        assertThat(read).hasSize(30);
        assertThat(read).noneMatch(OptionalLong::isPresent);
    }

    @Test
    void randomCellValuesAndSingleFlippedCellsAreRefused() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double[] means = new double[ClockCode.CELLS];
            boolean bimodal = random.nextBoolean();
            for (int c = 0; c < means.length; c++) {
                means[c] = bimodal ? (random.nextBoolean() ? 16 + random.nextInt(20) : 200 + random.nextInt(35)) : random.nextInt(256);
            }
            if (bimodal) { // a valid-looking sync, so only the CRC can refuse it
                means[0] = 230;
                means[1] = 20;
                means[2] = 230;
                means[3] = 20;
            }
            OptionalLong r = ClockCode.decode(means, 1_795_251_600_000L);
            if (r.isPresent()) {
                // a random 48-bit pattern passes a 16-bit CRC about once in 65536: it must at least be self-consistent
                assertThat(ClockCode.cells(r.getAsLong())).isEqualTo(cellsOf(means));
            }
        }
        long stamp = 1_795_251_612_345L;
        boolean[] cells = ClockCode.cells(stamp);
        for (int flip = 0; flip < ClockCode.CELLS; flip++) {
            double[] means = new double[ClockCode.CELLS];
            for (int c = 0; c < means.length; c++) {
                means[c] = cells[c] != (c == flip) ? 235 : 16;
            }
            assertThat(ClockCode.decode(means, stamp + 1000)).as("cell %d flipped", flip).isEmpty();
        }
        double[] blurred = means(cells);
        blurred[20] = 125; // a cell on the midpoint is refused, not guessed
        assertThat(ClockCode.decode(blurred, stamp + 1000)).isEmpty();
    }

    @Test
    void unwrapsAcrossTheThirtyTwoBitBoundary() {
        long stamp = (5L << 32) - 40; // just before a wrap of the low 32 bits
        long now = (5L << 32) + 700;  // the reader's clock, after the wrap
        assertThat(ClockCode.decode(means(ClockCode.cells(stamp)), now)).hasValue(stamp);
        assertThat(ClockCode.decode(means(ClockCode.cells(now)), now)).hasValue(now);
    }

    @Test
    void drawnFramesSampleBackAtAnyScale() {
        long stamp = 1_795_251_600_123L;
        for (int[] size : new int[][] {{1280, 720}, {640, 360}, {426, 240}}) {
            byte[] frame = new byte[size[0] * size[1]];
            ClockCode.draw(frame, size[0], size[1], stamp);
            assertThat(ClockCode.decode(ClockCode.sample(frame, size[0], size[1], size[0]), stamp + 5)).hasValue(stamp);
        }
    }

    private static double[] means(boolean[] cells) {
        double[] m = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            m[c] = cells[c] ? 235 : 16;
        }
        return m;
    }

    private static boolean[] cellsOf(double[] means) {
        boolean[] c = new boolean[means.length];
        double mid = (means[0] + means[1]) / 2;
        for (int i = 0; i < c.length; i++) {
            c[i] = means[i] > mid;
        }
        return c;
    }
}
