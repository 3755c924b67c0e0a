// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.bench;

import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.PlannedRendition;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.FrameRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ffmpeg CLI command that produces the same ladder as {@code LadderTranscoder}: one decode, a
 * split, a bicubic scale per rendition (a no-op at the source size, as ours), libx264 with the
 * same settings as {@code X264Settings}, and AAC + Opus from one audio decode; every output to the
 * null muxer.
 */
final class CliLadder {

    private CliLadder() {
    }

    static List<String> command(Path ffmpeg, Path input, List<PlannedRendition> plan, LadderConfig config,
            FrameRate rate, List<AudioRendition> audio) {
        int keyint = rate.framesIn(config.keyframeInterval().toNanos() / 1000);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostats", "-v", "error",
                "-y", "-i", input.toString(), "-filter_complex", filterGraph(plan)));
        for (int i = 0; i < plan.size(); i++) {
            PlannedRendition r = plan.get(i);
            cmd.addAll(List.of("-map", "[v" + i + "]", "-c:v", "libx264", "-preset", config.preset(),
                    "-tune", config.tune(), "-profile:v", r.spec().profile().x264Name(), "-bf", "0",
                    "-x264-params", "keyint=" + keyint + ":min-keyint=" + keyint + ":scenecut=0",
                    "-b:v", Long.toString(r.spec().bitrate().bitsPerSecond()),
                    "-maxrate", Long.toString(r.spec().maxrate().bitsPerSecond()),
                    "-bufsize", Long.toString(r.spec().bufsize().bitsPerSecond()), "-f", "null", "-"));
        }
        for (AudioRendition a : audio) {
            cmd.addAll(List.of("-map", "0:a", "-c:a", a.codec() == Codec.AAC ? "aac" : "libopus",
                    "-b:a", Long.toString(a.bitrate().bitsPerSecond()), "-ar", Integer.toString(a.sampleRate()),
                    "-f", "null", "-"));
        }
        return cmd;
    }

    private static String filterGraph(List<PlannedRendition> plan) {
        StringBuilder g = new StringBuilder("[0:v]split=").append(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            g.append("[s").append(i).append(']');
        }
        for (int i = 0; i < plan.size(); i++) {
            PlannedRendition r = plan.get(i);
            g.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(":flags=bicubic[v").append(i).append(']');
        }
        return g.toString();
    }
}
