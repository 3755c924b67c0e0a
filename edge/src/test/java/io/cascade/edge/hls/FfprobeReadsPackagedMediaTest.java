// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.edge.cmaf.FfmpegSource;
import io.cascade.edge.cmaf.Processes;
import io.cascade.platform.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent reader (ffprobe) opens init + parts made from real libx264/AAC/Opus output and
 * finds the codecs, the picture size and every frame.
 */
class FfprobeReadsPackagedMediaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    @Test
    void initPlusAllPartsHoldsEveryFrameOfH264WithBFramesAndAac() throws IOException {
        FfmpegSource.Media media = FfmpegSource.generate(dir, 640, 360, 4, 30, true, "aac");
        HlsRendition r = packaged(media);
        Map<String, String> video = probe(write("all.mp4", Packaged.file(r, Packaged.parts(r))), "v");
        assertThat(video).containsEntry("codec_name", "h264").containsEntry("width", "640")
                .containsEntry("height", "360").containsEntry("nb_read_frames", Long.toString(media.videoFrames()));
        Map<String, String> audio = probe(dir.resolve("all.mp4"), "a");
        assertThat(audio).containsEntry("codec_name", "aac").containsEntry("sample_rate", "48000")
                .containsEntry("channels", "2");
        assertThat(Long.parseLong(audio.get("nb_read_frames"))).isGreaterThan(180);
    }

    @Test
    void initPlusOnePartDecodesThatPartsFrames() throws IOException {
        FfmpegSource.Media media = FfmpegSource.generate(dir, 640, 360, 2, 30, false, "aac");
        HlsRendition r = packaged(media);
        Part first = Packaged.parts(r).get(0);
        Map<String, String> video = probe(write("one.mp4", Packaged.file(r, List.of(first))), "v");
        assertThat(video).containsEntry("codec_name", "h264").containsEntry("width", "640")
                .containsEntry("height", "360");
        // a 200 ms part of 30 fps video without B-frames holds 6 frames
        assertThat(video).containsEntry("nb_read_frames", "6");
    }

    @Test
    void opusAudioIsReadFromTheDopsSampleEntry() throws IOException {
        FfmpegSource.Media media = FfmpegSource.generate(dir, 320, 180, 2, 30, false, "libopus");
        HlsRendition r = packaged(media);
        Path file = write("opus.mp4", Packaged.file(r, Packaged.parts(r)));
        assertThat(probe(file, "a")).containsEntry("codec_name", "opus").containsEntry("channels", "2")
                .containsEntry("sample_rate", "48000");
        assertThat(probe(file, "v")).containsEntry("width", "320")
                .containsEntry("nb_read_frames", Long.toString(media.videoFrames()));
    }

    @Test
    void aSegmentFileIsItsPartsBackToBack() throws IOException {
        FfmpegSource.Media media = FfmpegSource.generate(dir, 320, 180, 4, 30, false, "aac");
        HlsRendition r = packaged(media);
        Segment seg = r.timeline().snapshot().retained().get(1);
        byte[] init = r.init();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(init);
        seg.parts().forEach(p -> out.writeBytes(p.bytes()));
        Map<String, String> video = probe(write("seg.mp4", out.toByteArray()), "v");
        // segments are 2 s at 30 fps with a keyframe every second
        assertThat(video).containsEntry("nb_read_frames", "60");
    }

    private static HlsRendition packaged(FfmpegSource.Media media) {
        HlsBroadcasts broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS, new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        HlsRendition r = broadcasts.open("b1").rendition("main", media.video(), media.audio());
        Packaged.feed(r, media);
        r.close();
        assertThat(r.counters().droppedNonMonotonic()).isZero();
        return r;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static Map<String, String> probe(Path file, String stream) {
        String out = Processes.check(TIMEOUT, List.of(FfmpegSource.FFPROBE.toString(), "-v", "error", "-count_frames",
                "-select_streams", stream, "-show_streams", "-of", "flat=s=_:h=0", file.toString()));
        return out.lines().filter(l -> l.contains("=")).map(l -> l.replaceFirst("^(streams_)?stream_0_", ""))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                        l -> l.substring(l.indexOf('=') + 1).replace("\"", ""), (a, b) -> a));
    }
}
