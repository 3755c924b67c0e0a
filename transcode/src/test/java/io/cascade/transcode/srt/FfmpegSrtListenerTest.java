// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static io.cascade.transcode.srt.SrtCallers.await;
import static io.cascade.transcode.srt.SrtCallers.caller;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.media.SourceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fallback listener (FFmpeg's libsrt in JavaCV) against real ffmpeg SRT callers: a publisher
 * with a good key delivers H.264 in AVCC form with its config and AAC with its
 * AudioSpecificConfig; a wrong key is closed; the listener listens again after each caller.
 */
class FfmpegSrtListenerTest {
    private final Map<String, SrtCallers.Seen> sinks = new ConcurrentHashMap<>();

    private Optional<SourceSink> handle(String streamId) {
        if (!streamId.startsWith("publish:good")) {
            return Optional.empty();
        }
        SrtCallers.Seen s = new SrtCallers.Seen();
        sinks.put(streamId, s);
        return Optional.of(s);
    }

    @Test
    @Timeout(60)
    void aGoodKeyPublishesAWrongKeyIsClosedAndTheListenerListensAgain() throws Exception {
        SrtCallers.assumeSrtCaller();
        int port = SrtCallers.freeUdpPort();
        List<Process> callers = new ArrayList<>();
        try (SrtListener listener = FfmpegSrtListener.start("127.0.0.1", port, this::handle)) {
            callers.add(caller(port, "publish:good1", 3));
            await("good1 ended", () -> sinks.containsKey("publish:good1") && sinks.get("publish:good1").ended);
            Process wrong = caller(port, "publish:wrong", 3);
            callers.add(wrong);
            assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong.exitValue()).as("a wrong key is closed").isNotZero();
            callers.add(caller(port, "publish:good2", 3));
            await("good2 ended", () -> sinks.containsKey("publish:good2") && sinks.get("publish:good2").ended);

            for (String key : List.of("publish:good1", "publish:good2")) {
                sinks.get(key).assertMedia(key, 2, 90); // ~140 audio frames in 3 s, less the probe's
            }
            assertThat(listener.accepted()).isEqualTo(2);
            assertThat(listener.refused()).isEqualTo(1);
        } finally {
            for (Process p : callers) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
