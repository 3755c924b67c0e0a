// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A player-like LL-HLS reader of one rendition: joins at the newest independent part of the
 * playlist, then asks for the part the preload hint names before it exists (the edge holds the
 * request until the part is complete, RFC 8216bis §6.2.6) and the one after it, and so on; a 404
 * reloads the playlist and, when the part wanted is no longer (or not yet) listed, joins again. Every part goes, as it arrives, into one long-running decoder
 * fed by the init section and the parts back to back.
 *
 * <p>Two kinds of samples: every decoded frame (its decode time minus its stamp), and the first
 * frame of each part (frames of one part come out of the decoder in one burst, so a frame after a
 * gap starts a part): the age of the oldest picture of a part when it can be shown, the latency of
 * a player that plays at 1x from the part's arrival.
 */
final class LlHlsReader implements Runnable {
    private static final Pattern PART_NUMBER = Pattern.compile("p(\\d+)\\.m4s");
    /** Frames further apart than this at the decoder's output belong to different parts. */
    private static final long BURST_GAP_MILLIS = 70;

    private final URI playlist;
    private final String ffmpeg;
    private final Path log;
    private final LatencySamples frames;
    private final LatencySamples parts;
    private final BooleanSupplier running;
    private final HttpFetch http = new HttpFetch();
    private long lastDecoded = Long.MIN_VALUE;

    LlHlsReader(URI playlist, String ffmpeg, Path log, LatencySamples frames, LatencySamples parts, BooleanSupplier running) {
        this.playlist = playlist;
        this.ffmpeg = ffmpeg;
        this.log = log;
        this.frames = frames;
        this.parts = parts;
        this.running = running;
    }

    @Override
    public void run() {
        try (ClockDecoder dec = ClockDecoder.start(ffmpeg, "mp4", log, this::frame)) {
            OutputStream out = dec.input();
            MediaPlaylist pl = playlist(playlist);
            out.write(http.get(playlist.resolve(pl.map()), Duration.ofSeconds(10)).body());
            long next = join(pl);
            while (running.getAsBoolean()) {
                HttpFetch.Answer part = http.get(playlist.resolve("p" + next + ".m4s"), Duration.ofSeconds(10));
                if (part.status() == 200) {
                    out.write(part.body());
                    out.flush();
                    next++;
                } else {
                    MediaPlaylist now = playlist(playlist);
                    long oldest = number(now.parts().getFirst().uri());
                    if (next < oldest || next > number(now.preloadHint())) {
                        next = join(now);
                    } else {
                        Thread.sleep(20);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            frames.note("stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MediaPlaylist playlist(URI uri) throws IOException {
        for (int attempt = 0; attempt < 100 && running.getAsBoolean(); attempt++) {
            HttpFetch.Answer a = http.get(uri, Duration.ofSeconds(15));
            if (a.status() == 200) {
                MediaPlaylist pl = MediaPlaylist.parse(a.text());
                if (!pl.parts().isEmpty() && pl.preloadHint() != null && pl.map() != null) {
                    return pl;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("no LL-HLS playlist at " + uri);
    }

    /** The number of the newest independent part: where a player joining now starts. */
    private static long join(MediaPlaylist pl) {
        for (int i = pl.parts().size() - 1; i >= 0; i--) {
            if (pl.parts().get(i).independent()) {
                return number(pl.parts().get(i).uri());
            }
        }
        return number(pl.parts().getFirst().uri());
    }

    private static long number(String uri) {
        Matcher m = PART_NUMBER.matcher(uri == null ? "" : uri);
        if (!m.find()) {
            throw new IllegalStateException("unexpected part URI " + uri);
        }
        return Long.parseLong(m.group(1));
    }

    private void frame(long decoded, OptionalLong stamp) {
        boolean startsPart = decoded - lastDecoded > BURST_GAP_MILLIS;
        lastDecoded = decoded;
        if (stamp.isEmpty()) {
            frames.unreadable(decoded);
            return;
        }
        long latency = decoded - stamp.getAsLong();
        frames.add(decoded, latency);
        if (startsPart) {
            parts.add(decoded, latency);
        }
    }
}
