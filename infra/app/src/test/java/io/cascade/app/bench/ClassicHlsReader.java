// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A classic HLS player's view: whole segments only (parts and blocking reloads ignored), joined at
 * the live edge, i.e. at the first segment that appears after it starts (the best a classic player
 * can do; hls.js and Safari start further back, HOLD-BACK or three target durations). It reloads
 * the playlist every {@code pollMillis}, fetches each new segment (with the init section for fMP4)
 * and decodes its first frame.
 *
 * <p>One sample per segment: the time the segment was in hand minus the stamp of its first frame,
 * the age of the oldest picture in it, which is the latency of a player that plays it at 1x from
 * its arrival (decoding, a few ms, not counted).
 */
final class ClassicHlsReader implements Runnable {
    private final URI playlist;
    private final String format;
    private final String ffmpeg;
    private final Path log;
    private final LatencySamples samples;
    private final long pollMillis;
    private final BooleanSupplier running;
    private final HttpFetch http = new HttpFetch();

    ClassicHlsReader(URI playlist, String format, String ffmpeg, Path log, LatencySamples samples, long pollMillis,
            BooleanSupplier running) {
        this.playlist = playlist;
        this.format = format;
        this.ffmpeg = ffmpeg;
        this.log = log;
        this.samples = samples;
        this.pollMillis = pollMillis;
        this.running = running;
    }

    @Override
    public void run() {
        long last = -1;
        byte[] init = null;
        try {
            while (running.getAsBoolean()) {
                HttpFetch.Answer a = http.get(playlist, Duration.ofSeconds(10));
                MediaPlaylist pl = a.status() == 200 ? MediaPlaylist.parse(a.text()) : null;
                if (pl != null && !pl.segments().isEmpty()) {
                    long newest = pl.segments().getLast().msn();
                    if (last < 0) {
                        last = newest; // join at the next segment to appear
                    }
                    for (MediaPlaylist.Segment s : pl.segments()) {
                        if (s.msn() <= last || !running.getAsBoolean()) {
                            continue;
                        }
                        if (init == null && pl.map() != null) {
                            init = http.get(playlist.resolve(pl.map()), Duration.ofSeconds(10)).body();
                        }
                        HttpFetch.Answer seg = http.get(playlist.resolve(s.uri()), Duration.ofSeconds(10));
                        long inHand = System.currentTimeMillis();
                        last = s.msn();
                        if (seg.status() == 200) {
                            measure(init, seg.body(), inHand);
                        }
                    }
                }
                Thread.sleep(pollMillis);
            }
        } catch (IOException e) {
            samples.note("stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void measure(byte[] init, byte[] segment, long inHand) throws IOException, InterruptedException {
        AtomicLong first = new AtomicLong(Long.MIN_VALUE);
        try (ClockDecoder dec = ClockDecoder.start(ffmpeg, format, 1, log, (t, stamp) -> record(first, stamp))) {
            try (OutputStream in = dec.input()) {
                if (init != null) {
                    in.write(init);
                }
                in.write(segment);
            } catch (IOException e) {
                // the decoder stops after its one frame and may close its input before all of it is written
            }
            dec.finish(5_000);
        }
        long stamp = first.get();
        if (stamp == Long.MIN_VALUE) {
            samples.unreadable(inHand);
        } else {
            samples.add(inHand, inHand - stamp);
        }
    }

    private static void record(AtomicLong first, OptionalLong stamp) {
        if (stamp.isPresent()) {
            first.compareAndSet(Long.MIN_VALUE, stamp.getAsLong());
        }
    }
}
