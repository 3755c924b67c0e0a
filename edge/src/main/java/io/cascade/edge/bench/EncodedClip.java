// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.edge.cmaf.AacFormat;
import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.AvcDecoderConfig;
import io.cascade.edge.cmaf.VideoSample;
import io.cascade.edge.cmaf.VideoTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real H.264 + AAC clip for the benchmark, encoded by the ffmpeg CLI (libx264 at a constant bit
 * rate, so parts have the size a production rendition's would, not testsrc2's few kilobytes) and
 * read back sample by sample through ffprobe's packet list (timestamps, flags, file positions), so
 * no MP4 demuxer and no native library is needed here.
 *
 * @param samples every sample of both tracks in decode-time order
 */
public record EncodedClip(VideoTrack video, AacFormat audio, List<Sample> samples, double seconds) {
    private static final long TIMEOUT_SECONDS = 300;

    /** One sample of either track (the other is null), at {@code seconds} from the clip start. */
    public record Sample(double seconds, VideoSample video, AudioSample audio) {
    }

    /** The file name the encode of these settings is kept under, so repeated runs reuse it. */
    static String fileName(int height, int kbps, double seconds) {
        return "clip-" + height + "p-" + kbps + "k-" + (int) seconds + "s.mp4";
    }

    /**
     * Encodes {@code seconds} of testsrc2 (16:9 at {@code height}, 30 fps, a keyframe every second)
     * and a 48 kHz stereo tone at 128 kb/s into {@code dir}, unless that file is already there.
     */
    static Path encode(Path dir, int height, int kbps, double seconds) throws IOException {
        Path file = dir.resolve(fileName(height, kbps, seconds));
        Files.createDirectories(dir);
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            return file;
        }
        int width = (height * 16 / 9 + 1) & ~1;
        Path partial = dir.resolve(file.getFileName() + ".partial.mp4");
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Double.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                "-pix_fmt", "yuv420p", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0", "-bf", "0",
                "-b:v", kbps + "k", "-minrate", kbps + "k", "-maxrate", kbps + "k", "-bufsize", kbps / 2 + "k",
                "-x264-params", "nal-hrd=cbr:filler=1", "-video_track_timescale", "90000",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-f", "mp4", partial.toString()));
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Reads an MP4 with one H.264 and one AAC track (as {@link #encode} writes it). */
    static EncodedClip read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String[] size = run(List.of("ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                "stream=width,height", "-of", "csv=p=0", file.toString())).strip().split(",");
        VideoTrack video = new VideoTrack(AvcDecoderConfig.parse(extradata(file, "v")), Integer.parseInt(size[0]),
                Integer.parseInt(size[1]), 30);
        AacFormat audio = AacFormat.parse(extradata(file, "a"));
        List<Sample> samples = new ArrayList<>();
        double end = 0;
        for (String[] f : packets(file, "v")) {
            long pts = Long.parseLong(f[0]);
            long dts = Long.parseLong(f[1]);
            samples.add(new Sample(dts / 90_000.0,
                    new VideoSample(dts, (int) (pts - dts), f[4].startsWith("K"), slice(bytes, f[3], f[2])), null));
            end = Math.max(end, pts / 90_000.0);
        }
        for (String[] f : packets(file, "a")) {
            long pts = Long.parseLong(f[0]);
            samples.add(new Sample((double) pts / audio.timescale(), null, new AudioSample(pts, slice(bytes, f[3], f[2]))));
        }
        samples.sort(Comparator.comparingDouble(Sample::seconds));
        return new EncodedClip(video, audio, List.copyOf(samples), end);
    }

    private static List<String[]> packets(Path file, String stream) throws IOException {
        return run(List.of("ffprobe", "-v", "error", "-select_streams", stream, "-show_entries",
                "packet=pts,dts,size,pos,flags", "-of", "csv=p=0", file.toString()))
                .lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }

    /** The codec configuration ffprobe prints as a hex dump after {@code extradata=}. */
    private static byte[] extradata(Path file, String stream) throws IOException {
        String out = run(List.of("ffprobe", "-v", "error", "-select_streams", stream, "-show_streams", "-show_data",
                file.toString()));
        StringBuilder hex = new StringBuilder();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("extradata=")) {
                in = true;
            } else if (in && line.matches("^[0-9a-f]{8}: .*")) {
                hex.append(line.substring(10, Math.min(line.length(), 50)).replace(" ", ""));
            } else if (in) {
                break;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] slice(byte[] file, String pos, String size) {
        int p = Integer.parseInt(pos);
        return Arrays.copyOfRange(file, p, p + Integer.parseInt(size));
    }

    /** Runs a CLI tool to completion and returns its standard output; fails on a non-zero exit. */
    private static String run(List<String> command) throws IOException {
        Path out = Files.createTempFile("clip", ".out");
        Path err = Files.createTempFile("clip", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " ran past " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(command + " exited " + p.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
