// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.peer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What ffprobe (5.1) reads from a file: stream fields and the decoded video frames. */
public final class Ffprobe {

    private Ffprobe() {
    }

    /** One decoded video frame as ffprobe reports it. */
    public record Frame(double ptsTime, boolean key) {
    }

    /** {@code -show_entries stream=...} of the first stream of {@code kind} ("v" or "a"), as key=value. */
    public static Map<String, String> stream(Path file, String kind, String entries) {
        FfmpegCli.Result r = probe("-select_streams", kind + ":0", "-show_entries", "stream=" + entries,
                "-of", "default=nw=1", file.toString());
        Map<String, String> out = new HashMap<>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** Every video frame ffprobe decodes, in presentation order. */
    public static List<Frame> videoFrames(Path file) {
        FfmpegCli.Result r = probe("-select_streams", "v:0", "-show_entries", "frame=pts_time,key_frame",
                "-of", "compact=p=0", file.toString());
        List<Frame> frames = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> f = new HashMap<>();
            for (String field : line.trim().split("\\|")) {
                int eq = field.indexOf('=');
                f.put(field.substring(0, eq), field.substring(eq + 1));
            }
            frames.add(new Frame(Double.parseDouble(f.get("pts_time")), "1".equals(f.get("key_frame"))));
        }
        return frames;
    }

    /** Decodes the whole file with the ffmpeg CLI; returns its error output (empty when clean). */
    public static String decodeErrors(Path file) {
        FfmpegCli.Result r = FfmpegCli.run(FfmpegCli.FFMPEG, "-v", "error", "-i", file.toString(), "-f", "null", "-");
        return r.exit() == 0 ? r.err().trim() : "exit " + r.exit() + ": " + r.err();
    }

    private static FfmpegCli.Result probe(String... args) {
        List<String> all = new ArrayList<>(List.of("-v", "error"));
        all.addAll(List.of(args));
        FfmpegCli.Result r = FfmpegCli.run(FfmpegCli.FFPROBE, all.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("ffprobe " + String.join(" ", all) + " exited " + r.exit() + ":\n" + r.err());
        }
        return r;
    }
}
