// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Chromium;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A real viewer: the watch page ({@code /watch/{id}?mode=whep|hls}) in headless Chromium, read
 * back on every frame the browser presents. A {@code requestVideoFrameCallback} draws the video
 * into a canvas, takes the mean luma of the middle half of each {@link ClockCode} cell (the same
 * geometry as {@link ClockCode#sample}) and keeps {@code Date.now()} of the callback; the bench
 * collects those and decodes them with {@link ClockCode#decode}. The page's {@code Date.now()} and
 * the bench's {@code System.currentTimeMillis()} are the same machine clock ({@link #clockSkewMillis}
 * checks the page's monotonic clock against it).
 */
final class BrowserReader {
    private static final String SAMPLER = """
            (() => {
              const video = document.getElementById('video');
              const W = %d, H = %d, COLS = %d, ROWS = %d;
              const bandH = Math.floor(H * ROWS / 10);
              const canvas = document.createElement('canvas');
              canvas.width = W; canvas.height = H;
              const ctx = canvas.getContext('2d', {willReadFrequently: true});
              window.__clock = [];
              const left = c => Math.floor(c * W / COLS), top = r => Math.floor(r * H / 10);
              function onFrame(now, meta) {
                const shown = Date.now();
                ctx.drawImage(video, 0, 0, W, H);
                const px = ctx.getImageData(0, 0, W, bandH).data;
                const means = [];
                for (let cell = 0; cell < COLS * ROWS; cell++) {
                  const xa = left(cell %% COLS), xb = left(cell %% COLS + 1);
                  const ya = top(Math.floor(cell / COLS)), yb = top(Math.floor(cell / COLS) + 1);
                  const x0 = xa + Math.floor((xb - xa) / 4), x1 = Math.max(x0 + 1, xb - Math.floor((xb - xa) / 4));
                  const y0 = ya + Math.floor((yb - ya) / 4), y1 = Math.max(y0 + 1, yb - Math.floor((yb - ya) / 4));
                  let sum = 0;
                  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
                    const i = (y * W + x) * 4;
                    sum += 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
                  }
                  means.push(sum / ((x1 - x0) * (y1 - y0)));
                }
                if (window.__clock.length < 10000) window.__clock.push([shown, means]);
                video.requestVideoFrameCallback(onFrame);
              }
              video.requestVideoFrameCallback(onFrame);
              return true;
            })()
            """.formatted(ClockDecoder.WIDTH, ClockDecoder.HEIGHT, ClockCode.COLUMNS, ClockCode.ROWS);

    private final Chromium chromium;
    private final String session;
    private final LatencySamples samples;
    private long frames;

    private BrowserReader(Chromium chromium, String session, LatencySamples samples) {
        this.chromium = chromium;
        this.session = session;
        this.samples = samples;
    }

    /** Opens {@code pageUrl}, waits for playback to start and installs the per-frame sampler. */
    static BrowserReader open(Chromium chromium, String pageUrl, LatencySamples samples) {
        String session = chromium.open(pageUrl);
        JsonNode ready = null;
        for (int i = 0; i < 100 && (ready == null || ready.isNull() || ready.isMissingNode()); i++) {
            ready = chromium.evaluate(session, "window.cascade ? window.cascade.ready : null", Duration.ofSeconds(30));
            if (ready == null || ready.isNull()) {
                sleep(100);
            }
        }
        if (ready == null || ready.has("error")) {
            throw new IllegalStateException(pageUrl + " did not start playing: " + ready);
        }
        chromium.evaluate(session, SAMPLER, Duration.ofSeconds(10));
        return new BrowserReader(chromium, session, samples);
    }

    /** Page clock ({@code performance.timeOrigin + performance.now()}) minus {@code Date.now()}, in ms. */
    double clockSkewMillis() {
        return chromium.evaluate(session, "performance.timeOrigin + performance.now() - Date.now()", Duration.ofSeconds(5))
                .asDouble();
    }

    /** Takes the frames the page presented since the last call and records their latency. */
    void collect() {
        JsonNode batch = chromium.evaluate(session, "window.__clock.splice(0)", Duration.ofSeconds(10));
        for (JsonNode entry : batch) {
            long shown = entry.get(0).asLong();
            JsonNode m = entry.get(1);
            double[] means = new double[m.size()];
            for (int i = 0; i < means.length; i++) {
                means[i] = m.get(i).asDouble();
            }
            OptionalLong stamp = ClockCode.decode(means, shown);
            frames++;
            if (stamp.isPresent()) {
                samples.add(shown, shown - stamp.getAsLong());
            } else {
                samples.unreadable(shown);
            }
        }
    }

    long frames() {
        return frames;
    }

    /** What the page's own stats say (resolution, rendition, hls.js latency), for the report. */
    JsonNode stats() {
        return chromium.evaluate(session, "window.cascade.stats()", Duration.ofSeconds(10));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
