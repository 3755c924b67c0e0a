// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.bench;

import io.cascade.distribution.bench.BenchArgs;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ffmpeg.Natives;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.LadderPlanner;
import io.cascade.transcode.ladder.PlannedRendition;
import io.cascade.transcode.media.FrameRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/**
 * Our ladder against the ffmpeg CLI's, on the same input with the same x264 settings.
 *
 * <ol>
 * <li>Make the input with the ffmpeg CLI: testsrc2 at {@code --height} (720 or 1080) 30 fps plus a
 *     440 Hz sine, {@code --seconds} long, H.264 (g60, no B-frames) + AAC in MP4.</li>
 * <li>(a) The ffmpeg CLI ladder ({@link CliLadder}), every output to the null muxer.</li>
 * <li>(b) {@link LadderBenchRun} in a child JVM: our LadderTranscoder fed as fast as it takes packets.</li>
 * </ol>
 * Both run under {@code /usr/bin/time -v} (or VmHWM polling), so peak RSS is measured the same way
 * for both: whole processes, the JVM included on our side. Speed = media seconds / wall seconds;
 * the CLI's wall is its whole process, ours is the transcode loop (the JVM's start and the natives'
 * loading are reported apart: a worker pays them once, not per broadcast). Runs alternate; with
 * {@code --runs N} the medians are reported. The last line is JSON.
 *
 * <p>CPU time (user + system) is reported beside wall time: on a shared machine other processes
 * take cores from both sides unevenly (the scheduler shares by thread), and CPU seconds per media
 * second is the figure such load does not move.
 *
 * <p>Options: {@code --height 720|1080} (720), {@code --seconds S} (25), {@code --runs N} (1),
 * {@code --dir DIR} (/tmp/cascade-transcode-bench), {@code --cli system|bundled} (system:
 * /usr/bin/ffmpeg; bundled: JavaCV's FFmpeg 8 ffmpeg program, same libraries as ours),
 * {@code --jvm-flags '...'} (child JVM, {@value #DEFAULT_JVM_FLAGS}), {@code --decoder-threads N},
 * {@code --x264-threads N} (the ladder's defaults).
 */
public final class TranscodeBench {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    /**
     * The child JVM's flags, chosen for a worker whose media lives in native memory: its Java heap
     * holds packets in flight and little else (14 MiB committed in the 720p run), so a small heap
     * keeps the JVM from touching memory it does not need (the default heap on this 23 GiB machine
     * would start at 370 MiB); C1 only, because the hot loops are native and C2 would spend CPU and
     * memory compiling Java that barely runs.
     */
    static final String DEFAULT_JVM_FLAGS = "-Xms8m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final long TIMEOUT_S = 600;

    private TranscodeBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Natives.load();
        int width = o.height == 1080 ? 1920 : 1280;
        Path input = ensureInput(o, width);
        LadderConfig config = LadderConfig.defaults();
        List<PlannedRendition> plan = LadderPlanner.plan(width, o.height, config.renditions());
        Path ffmpeg = o.cli.equals("bundled") ? Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)) : FFMPEG;
        List<String> cli = CliLadder.command(ffmpeg, input, plan, config, FrameRate.of(30), AudioRendition.defaults());
        List<String> ours = childCommand(o, input, config);

        System.out.println("# Transcode bench: " + width + "x" + o.height + "p30, " + o.seconds + " s, ladder "
                + plan.stream().map(r -> r.width() + "x" + r.height()).toList() + " + AAC 128k + Opus 64k");
        System.out.println("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + BenchArgs.loadAverage());
        System.out.println("# ffmpeg CLI: " + firstLine(ffmpeg, "-version")
                + (o.cli.equals("bundled") ? " (JavaCV's own ffmpeg program: same FFmpeg and libx264 as ours)"
                        : " (Debian, its own libx264)"));
        System.out.println("# ours: JavaCV 1.5.13, FFmpeg " + avutil.av_version_info().getString()
                + " (bytedeco build, its own libx264), Java " + Runtime.version());
        if (o.cli.equals("system")) {
            System.out.println("# NOTE: the CLI is FFmpeg 5.1 and ours FFmpeg 8.0.1; the two libx264 builds differ too"
                    + " (--cli bundled compares with JavaCV's FFmpeg 8 ffmpeg program instead).");
        }
        System.out.println("# (a) " + String.join(" ", cli));
        System.out.println("# (b) " + String.join(" ", ours));

        List<MeasuredProcess.Result> cliRuns = new ArrayList<>();
        List<MeasuredProcess.Result> ourRuns = new ArrayList<>();
        for (int i = 0; i < o.runs; i++) {
            cliRuns.add(check("ffmpeg CLI", MeasuredProcess.run(cli, TIMEOUT_S)));
            ourRuns.add(check("LadderBenchRun", MeasuredProcess.run(ours, TIMEOUT_S)));
            MeasuredProcess.Result c = cliRuns.get(i);
            MeasuredProcess.Result u = ourRuns.get(i);
            System.out.printf(Locale.ROOT, "run %d: ffmpeg %.2f s wall, %.2f s CPU, %.1f MiB | ours loop %.2f s wall,"
                    + " %.2f s CPU; process %.2f s wall, %.1f MiB | %s | load %s%n", i + 1, c.wallSeconds(),
                    c.cpuSeconds(), c.peakRssMib(), field(u.stdout(), "wall_s"), field(u.stdout(), "cpu_s"),
                    u.wallSeconds(), u.peakRssMib(), lastLine(u.stdout()), BenchArgs.loadAverage());
        }
        report(o, cliRuns, ourRuns);
    }

    private static void report(Options o, List<MeasuredProcess.Result> cli, List<MeasuredProcess.Result> ours) {
        double cliWall = median(cli.stream().mapToDouble(MeasuredProcess.Result::wallSeconds).toArray());
        double cliRss = median(cli.stream().mapToDouble(MeasuredProcess.Result::peakRssMib).toArray());
        double ourLoop = median(ours.stream().mapToDouble(r -> field(r.stdout(), "wall_s")).toArray());
        double ourProcess = median(ours.stream().mapToDouble(MeasuredProcess.Result::wallSeconds).toArray());
        double ourRss = median(ours.stream().mapToDouble(MeasuredProcess.Result::peakRssMib).toArray());
        double baseline = median(ours.stream().mapToDouble(r -> field(r.stdout(), "baseline_rss_kib") / 1024).toArray());
        double cliCpu = median(cli.stream().mapToDouble(MeasuredProcess.Result::cpuSeconds).toArray());
        double ourCpu = median(ours.stream().mapToDouble(r -> field(r.stdout(), "cpu_s")).toArray());
        double media = field(ours.get(0).stdout(), "media_s");
        double cliSpeed = media / cliWall;
        double ourSpeed = media / ourLoop;
        System.out.println();
        System.out.printf(Locale.ROOT, "media %.2f s, %d run(s) each, medians:%n", media, o.runs);
        System.out.printf(Locale.ROOT, "  ffmpeg CLI      wall %6.2f s  speed %5.2fx  peak RSS %6.1f MiB (%s)%n",
                cliWall, cliSpeed, cliRss, cli.get(0).rssMethod());
        System.out.printf(Locale.ROOT, "  LadderTranscoder loop %6.2f s  speed %5.2fx  peak RSS %6.1f MiB (%s, whole JVM;"
                + " %.1f MiB of it before the first packet)%n", ourLoop, ourSpeed, ourRss, ours.get(0).rssMethod(),
                baseline);
        System.out.printf(Locale.ROOT, "  LadderTranscoder whole child process (JVM start + natives + loop) %.2f s ="
                + " %.2fx%n", ourProcess, media / ourProcess);
        if (cliCpu > 0) {
            System.out.printf(Locale.ROOT, "  CPU (user+sys): ffmpeg %.2f s = %.2f media s per CPU s; ours (loop)"
                    + " %.2f s = %.2f media s per CPU s; CPU ratio ffmpeg/ours %.3f (independent of other load)%n",
                    cliCpu, media / cliCpu, ourCpu, media / ourCpu, cliCpu / ourCpu);
        }
        System.out.printf(Locale.ROOT, "  speed ratio ours/ffmpeg %.3f (target >= 1.0), RSS ours/ffmpeg %.3f"
                + " (target <= 1.30)%n", ourSpeed / cliSpeed, ourRss / cliRss);
        System.out.printf(Locale.ROOT, "{\"ours_speed\":%.3f,\"ffmpeg_speed\":%.3f,\"ratio\":%.3f,\"ours_rss_mb\":%.1f,"
                + "\"ffmpeg_rss_mb\":%.1f}%n", ourSpeed, cliSpeed, ourSpeed / cliSpeed, ourRss, cliRss);
    }

    private static List<String> childCommand(Options o, Path input, LadderConfig config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(Arrays.asList(o.jvmFlags.trim().split("\\s+")));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of("-cp", childClassPath(), LadderBenchRun.class.getName(),
                input.toString(),
                Integer.toString(o.decoderThreads >= 0 ? o.decoderThreads : config.decoderThreads()),
                Integer.toString(o.x264Threads >= 0 ? o.x264Threads : config.x264Threads())));
        return cmd;
    }

    /**
     * This module's classes and JavaCV's jars only. The module's full runtime class path carries
     * the platform's dependencies (Hadoop, AWS, Kafka clients) the transcoder never loads, and a
     * JVM searching a class path opens every jar before the one it needs: ~10 MiB of RSS for
     * nothing.
     */
    private static String childClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith(".jar") || e.contains("org/bytedeco/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path ensureInput(Options o, int width) throws IOException, InterruptedException {
        Files.createDirectories(o.dir);
        Path input = o.dir.resolve("in-" + o.height + "p-" + o.seconds + "s.mp4");
        if (!Files.exists(input)) {
            check("input generation", MeasuredProcess.run(List.of(FFMPEG.toString(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + o.height + ":rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(o.seconds),
                    "-c:v", "libx264", "-g", "60", "-bf", "0", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-f", "mp4", input.toString()), TIMEOUT_S));
        }
        return input;
    }

    private static MeasuredProcess.Result check(String what, MeasuredProcess.Result r) {
        if (r.exit() != 0) {
            throw new IllegalStateException(what + " exited " + r.exit() + ":\n" + r.stderr() + r.stdout());
        }
        return r;
    }

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in child output: " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String firstLine(Path tool, String arg) throws IOException, InterruptedException {
        String out = MeasuredProcess.run(List.of(tool.toString(), arg), 30).stdout();
        return out.lines().findFirst().orElse("?");
    }


    /** Command-line options with their defaults. */
    private record Options(int height, int seconds, int runs, Path dir, String jvmFlags, int decoderThreads,
            int x264Threads, String cli) {

        static Options parse(String[] args) {
            int height = 720;
            int seconds = 25;
            int runs = 1;
            Path dir = Path.of("/tmp/cascade-transcode-bench");
            String jvmFlags = DEFAULT_JVM_FLAGS;
            String cli = "system";
            int decoderThreads = -1;
            int x264Threads = -1;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--height" -> height = Integer.parseInt(v);
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--jvm-flags" -> jvmFlags = v;
                    case "--cli" -> cli = v;
                    case "--decoder-threads" -> decoderThreads = Integer.parseInt(v);
                    case "--x264-threads" -> x264Threads = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--height 720|1080, --seconds S, --runs N, --dir DIR, --cli system|bundled,"
                            + " --jvm-flags '...', --decoder-threads N, --x264-threads N)");
                }
                i++;
            }
            if (height != 720 && height != 1080) {
                throw new IllegalArgumentException("--height must be 720 or 1080");
            }
            if (seconds < 1 || seconds > 600 || runs < 1 || runs > 20) {
                throw new IllegalArgumentException("--seconds 1..600, --runs 1..20");
            }
            if (!cli.equals("system") && !cli.equals("bundled")) {
                throw new IllegalArgumentException("--cli must be system (/usr/bin/ffmpeg) or bundled (JavaCV's)");
            }
            return new Options(height, seconds, runs, dir, jvmFlags, decoderThreads, x264Threads, cli);
        }
    }
}
