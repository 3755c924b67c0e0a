// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.local.junit.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Renditions of one broadcast on one timeline, end to end: real ffmpeg publishes 480p over RTMP,
 * the ladder makes 480p and 360p, each goes through the relay with its own random timestamp
 * offsets, and the packager must still give the same frame the same time in both, put audio on
 * one grid in both, and start each rendition's first segment with audio and video together (issues 7 and 8: hls.js saw a rendition
 * switch jump its buffer by hours). ffprobe reads init + segment as any player would; the
 * renditions start at different moments, as they would in production, and still number their
 * segments alike: the same media sequence number has the same program date in both.
 */
@QuarkusTest
class RenditionAlignmentTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");
    private static final double FRAME = 1 / 30.0;
    private static final double AAC_FRAME = 1024 / 48_000.0;

    @Test
    @Timeout(180)
    void theSameFrameHasTheSameTimeInEveryRenditionAndAudioStartsWithVideo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg (apt-get install ffmpeg)");
        JsonPath created = given().header("Authorization", "Bearer dev").contentType("application/json")
                .body("{\"name\":\"aligned\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        Process publisher = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=854x480:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "40", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30",
                "-c:a", "aac", "-b:a", "128k", "-f", "flv", created.getString("ingest.rtmp")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // each rendition's first segment, fetched as soon as it is listed: there audio starts with the first keyframe
            Map<String, double[]> first = new HashMap<>();
            Await.until("a first segment of both renditions", Duration.ofSeconds(120), () -> {
                for (String rendition : List.of("480p", "360p")) {
                    List<String> listed = BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, rendition));
                    if (!first.containsKey(rendition) && !listed.isEmpty() && listed.get(0).endsWith(".m4s")) {
                        try {
                            first.put(rendition, startTimes(id, rendition, listed.get(0)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                return first.size() == 2;
            });
            first.forEach((rendition, start) -> assertThat(Math.abs(start[1] - start[0]))
                    .as("%s's first segment: audio starts at %s, video at %s", rendition, start[1], start[0]).isLessThan(FRAME));

            // every listed segment of both: the frames they share must have the same times, and audio one grid
            Await.until("three seconds listed in both renditions", Duration.ofSeconds(60),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 3);
            // segment N is the same media in both: its program dates agree (one grid of numbers, issue 8)
            Await.until("four segments listed in both renditions", Duration.ofSeconds(60),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 4);
            Map<Long, Instant> highDates = BroadcastHls.programDates(BroadcastHls.mediaPlaylist(id, "480p"));
            Map<Long, Instant> lowDates = BroadcastHls.programDates(BroadcastHls.mediaPlaylist(id, "360p"));
            List<Long> both = lowDates.keySet().stream().filter(highDates::containsKey).sorted().toList();
            assertThat(both).as("segments in both: 480p %s, 360p %s", highDates.keySet(), lowDates.keySet()).hasSizeGreaterThanOrEqualTo(3);
            for (long msn : both) {
                assertThat(Duration.between(highDates.get(msn), lowDates.get(msn)).abs())
                        .as("EXT-X-PROGRAM-DATE-TIME of segment %d: 480p %s, 360p %s", msn, highDates.get(msn), lowDates.get(msn))
                        .isLessThan(Duration.ofMillis(50));
            }
            Path highFile = BroadcastHls.download(id, "480p", Files.createTempFile("aligned-480p", ".mp4"));
            Path lowFile = BroadcastHls.download(id, "360p", Files.createTempFile("aligned-360p", ".mp4"));
            try {
                List<Double> high = BroadcastHls.videoPts(highFile);
                List<Double> low = BroadcastHls.videoPts(lowFile);
                double from = Math.max(high.get(0), low.get(0));
                double to = Math.min(high.get(high.size() - 1), low.get(low.size() - 1));
                assertThat(to - from).as("480p %s..%s, 360p %s..%s", high.get(0), high.get(high.size() - 1),
                        low.get(0), low.get(low.size() - 1)).isGreaterThan(2.0);
                List<Double> shared = low.stream().filter(t -> t >= from && t <= to).toList();
                long matched = shared.stream().filter(t -> high.stream().anyMatch(h -> Math.abs(h - t) < 0.001)).count();
                assertThat(matched).as("360p frames in %s..%s with a 480p frame at the same time", from, to)
                        .isGreaterThanOrEqualTo(shared.size() * 9L / 10);
                double frames = (startTimes(highFile)[1] - startTimes(lowFile)[1]) / AAC_FRAME;
                assertThat(Math.abs(frames - Math.rint(frames)) * AAC_FRAME).as("audio on one grid of AAC frames")
                        .isLessThan(0.0001);
            } finally {
                Files.deleteIfExists(highFile);
                Files.deleteIfExists(lowFile);
            }
        } finally {
            publisher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {video start, audio start} of init + {@code segment}, in seconds, as ffprobe reads them. */
    private static double[] startTimes(String id, String rendition, String segment) throws Exception {
        String playlist = BroadcastHls.mediaPlaylist(id, rendition);
        Matcher m = MAP.matcher(playlist);
        assertThat(m.find()).as("EXT-X-MAP in %s", playlist).isTrue();
        String base = "/hls/" + id + "/" + rendition + "/";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(given().get(base + m.group(1)).asByteArray());
        all.write(given().get(base + segment).asByteArray());
        Path file = Files.createTempFile("aligned-" + rendition, ".mp4");
        try {
            Files.write(file, all.toByteArray());
            return startTimes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {video start, audio start} of a local fMP4. */
    private static double[] startTimes(Path file) throws Exception {
        Process p = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,start_time",
                "-of", "csv=p=0", file.toString())).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        double video = Double.NaN;
        double audio = Double.NaN;
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(",");
            if (f.length == 2 && f[0].equals("video")) {
                video = Double.parseDouble(f[1]);
            } else if (f.length == 2 && f[0].equals("audio")) {
                audio = Double.parseDouble(f[1]);
            }
        }
        assertThat(video).as("ffprobe: %s", out).isNotNaN();
        assertThat(audio).as("ffprobe: %s", out).isNotNaN();
        return new double[] {video, audio};
    }
}
