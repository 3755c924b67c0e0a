// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers for a broadcast's HLS output: the segments a media playlist lists, a local copy of
 * them (init + segments back to back, a playable fMP4) and what ffprobe reads from that copy.
 */
final class BroadcastHls {
    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");
    private static final Pattern SEGMENT = Pattern.compile("s(\\d+)\\.m4s");

    /** One video frame as ffprobe decodes it. */
    record Frame(double pts, boolean key, double vAvg) {}

    private BroadcastHls() {
    }

    static String mediaPlaylist(String broadcast, String rendition) {
        return given().get("/hls/" + broadcast + "/" + rendition + "/index.m3u8").asString();
    }

    /** The whole segments (EXTINF) a media playlist lists, in order. */
    static List<String> segments(String playlist) {
        List<String> out = new ArrayList<>();
        for (String line : playlist.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    /** EXT-X-PROGRAM-DATE-TIME of every complete segment a media playlist lists, by media sequence number. */
    static Map<Long, Instant> programDates(String playlist) {
        Map<Long, Instant> out = new HashMap<>();
        Instant date = null;
        for (String line : playlist.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                date = Instant.parse(l.substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
            }
            Matcher m = SEGMENT.matcher(l);
            if (m.matches() && date != null) {
                out.put(Long.parseLong(m.group(1)), date);
                date = null;
            }
        }
        return out;
    }

    /** Init segment and every listed segment of a rendition, concatenated into {@code file}. */
    static Path download(String broadcast, String rendition, Path file) throws IOException {
        String playlist = mediaPlaylist(broadcast, rendition);
        Matcher m = MAP.matcher(playlist);
        if (!m.find()) {
            throw new IOException("no EXT-X-MAP in " + playlist);
        }
        String base = "/hls/" + broadcast + "/" + rendition + "/";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(given().get(base + m.group(1)).asByteArray());
        for (String s : segments(playlist)) {
            all.write(given().get(base + s).asByteArray());
        }
        Files.write(file, all.toByteArray());
        return file;
    }

    /** The video frames of a local fMP4 with their key flags and mean V (chroma red-difference). */
    static List<Frame> frames(Path file) throws IOException, InterruptedException {
        String filter = "movie=" + file.toAbsolutePath() + ",signalstats";
        String out = run(List.of("ffprobe", "-v", "error", "-f", "lavfi", "-i", filter, "-show_entries",
                "frame=pts_time,key_frame:frame_tags=lavfi.signalstats.VAVG", "-of", "csv=p=0"));
        List<Frame> frames = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(",");
            if (f.length >= 3 && !f[1].isEmpty() && !f[1].equals("N/A")) {
                frames.add(new Frame(Double.parseDouble(f[1]), f[0].equals("1"), Double.parseDouble(f[2])));
            }
        }
        return frames;
    }

    /** The video packets' presentation times, in decode order. */
    static List<Double> videoPts(Path file) throws IOException, InterruptedException {
        String out = run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", file.toString()));
        List<Double> pts = new ArrayList<>();
        for (String line : out.split("\n")) {
            String l = line.strip().replace(",", "");
            if (!l.isEmpty() && !l.equals("N/A")) {
                pts.add(Double.parseDouble(l));
            }
        }
        return pts;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("ffprobe did not finish: " + command);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
