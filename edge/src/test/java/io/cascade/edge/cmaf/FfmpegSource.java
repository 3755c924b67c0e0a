// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Real encoder output for tests: FFmpeg (libx264 + AAC or Opus) writes an MP4 from its test
 * sources, and ffprobe lists each packet's timestamps, flags and file position, so the samples are
 * read straight out of the file with no MP4 demuxer of our own. Tests skip where ffmpeg is absent.
 */
public final class FfmpegSource {
    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One sample of either track, in the order a feeder pushes them. */
    public record Timed(double seconds, VideoSample video, AudioSample audio) {
    }

    public record Media(VideoTrack video, AudioFormat audio, List<Timed> samples) {
        public long videoFrames() {
            return samples.stream().filter(t -> t.video() != null).count();
        }
    }

    private FfmpegSource() {
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE), "ffmpeg/ffprobe not installed");
    }

    /**
     * Encodes {@code seconds} of testsrc2 at 30 fps (keyframe every {@code gop} frames, B-frames
     * when asked) with a 440 Hz tone in {@code audioCodec} ({@code aac} or {@code libopus}).
     */
    public static Media generate(Path dir, int width, int height, double seconds, int gop, boolean bFrames,
            String audioCodec) {
        assumeInstalled();
        Path file = dir.resolve("src-" + width + "x" + height + "-" + audioCodec + ".mp4");
        Processes.check(TIMEOUT, List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Double.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(gop), "-keyint_min", Integer.toString(gop), "-sc_threshold", "0",
                "-bf", bFrames ? "2" : "0", "-video_track_timescale", "90000",
                "-c:a", audioCodec, "-b:a", "96k", "-ac", "2", "-f", "mp4", file.toString()));
        try {
            byte[] bytes = Files.readAllBytes(file);
            VideoTrack video = new VideoTrack(AvcDecoderConfig.parse(extradata(file, "v")), width, height, 30);
            byte[] audioConfig = extradata(file, "a");
            AudioFormat audio = audioCodec.equals("aac") ? AacFormat.parse(audioConfig)
                    : OpusFormat.fromIdHeader(audioConfig);
            List<Timed> samples = new ArrayList<>();
            for (String line : packets(file, "v")) {
                String[] f = line.split(",");
                long pts = Long.parseLong(f[0]);
                long dts = Long.parseLong(f[1]);
                samples.add(new Timed(dts / 90_000.0, new VideoSample(dts, (int) (pts - dts), f[4].startsWith("K"),
                        slice(bytes, f[3], f[2])), null));
            }
            for (String line : packets(file, "a")) {
                String[] f = line.split(",");
                long pts = Long.parseLong(f[0]);
                samples.add(new Timed((double) pts / audio.timescale(), null,
                        new AudioSample(pts, slice(bytes, f[3], f[2]))));
            }
            samples.sort(Comparator.comparingDouble(Timed::seconds));
            return new Media(video, audio, samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> packets(Path file, String stream) {
        return Processes.check(TIMEOUT, List.of(FFPROBE.toString(), "-v", "error", "-select_streams", stream,
                "-show_entries", "packet=pts,dts,size,pos,flags", "-of", "csv=p=0", file.toString()))
                .lines().filter(l -> !l.isBlank()).toList();
    }

    /** The codec configuration ffprobe prints as a hex dump ({@code extradata=} block). */
    private static byte[] extradata(Path file, String stream) {
        String out = Processes.check(TIMEOUT, List.of(FFPROBE.toString(), "-v", "error", "-select_streams", stream,
                "-show_streams", "-show_data", file.toString()));
        StringBuilder hex = new StringBuilder();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("extradata=")) {
                in = true;
            } else if (in && line.matches("^[0-9a-f]{8}: .*")) {
                hex.append(line, 10, Math.min(line.length(), 50));
            } else if (in) {
                break;
            }
        }
        return Boxes.hex(hex.toString());
    }

    private static byte[] slice(byte[] file, String pos, String size) {
        int p = Integer.parseInt(pos);
        return java.util.Arrays.copyOfRange(file, p, p + Integer.parseInt(size));
    }
}
