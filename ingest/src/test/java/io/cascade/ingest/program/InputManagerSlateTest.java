// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slate while nothing is live, and a source coming back from it (or its own reconnect). */
class InputManagerSlateTest {
    /** AudioSpecificConfig: AAC-LC, 48 kHz, stereo. */
    private static final byte[] ASC_48K_STEREO = {0x11, (byte) 0x90};

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final Slate slate = Slate.standard();
    private final List<String> out = new ArrayList<>();
    private final List<Long> videoDts = new ArrayList<>();
    private final List<Long> audioDts = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final InputManager im = new InputManager(clock, new ProgramSink() {
        @Override
        public void videoConfig(byte[] c) {
            out.add(c.length > 20 ? "vcfg slate" : "vcfg " + c[0]);
        }

        @Override
        public void video(long dts, int cts, boolean key, byte[] avcc) {
            videoDts.add(dts);
            out.add((key ? "K" : "v") + (avcc.length > 100 ? " slate" : " " + avcc[0]));
        }

        @Override
        public void audioConfig(byte[] c) {
            out.add("acfg");
        }

        @Override
        public void audio(long dts, byte[] aac) {
            audioDts.add(dts);
        }

        @Override
        public void programSwitch() {
            out.add("switch");
        }
    }, new InputManager.Listener() {
        @Override
        public void switched(String from, String to, SwitchReason reason) {
            events.add(from + "->" + to + " " + reason);
        }

        @Override
        public void idle(String last) {
            events.add("idle " + last);
        }
    }, Duration.ofSeconds(1), slate);

    private long send(String s, int id, long dts, int frames) {
        for (int i = 0; i < frames; i++) {
            im.video(s, dts, 0, i % 30 == 0, new byte[] {(byte) id});
            im.audio(s, dts, new byte[] {(byte) id});
            dts += 33;
            clock.advance(Duration.ofMillis(33));
        }
        return dts;
    }

    private void connect(String s, int id) {
        im.connected(s);
        im.videoConfig(s, new byte[] {(byte) id});
        im.audioConfig(s, ASC_48K_STEREO);
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMillis(100));
            im.tick();
        }
    }

    @Test
    void theStandardSlateIsOneIdrWithItsParameterSetsAndSilence() {
        var record = AvcDecoderConfigurationRecord.decode(slate.videoConfig());
        assertThat(record.nalLengthSize()).isEqualTo(4);
        assertThat(H264Nal.containsIdr(H264Nal.splitAvcc(slate.picture(), 4))).isTrue();
        assertThat(slate.silence(1)).isNotEmpty();
        assertThat(slate.silence(2)).isNotEmpty();
        assertThat(slate.silence(6)).isNull();
    }

    @Test
    void withNothingLiveTheSlatePlaysOnceASecondWithSilenceOnAContinuousTimeline() {
        connect("main", 1);
        send("main", 1, 0, 30);
        int before = videoDts.size();
        im.disconnected("main");
        assertThat(events).containsExactly("null->main START", "idle main");
        assertThat(im.state().slate()).isTrue();
        ticks(35);
        List<String> slateOut = out.subList(out.lastIndexOf("switch"), out.size());
        assertThat(slateOut).startsWith("switch", "vcfg slate", "K slate");
        assertThat(videoDts.subList(before, videoDts.size())).hasSize(4) // at 0, 1, 2 and 3 s of slate
                .isSorted().startsWith(957L + 33);
        assertThat(audioDts).isSorted();
        // 3.5 s of silence at 1024 samples / 48 kHz = 21.3 ms a frame
        assertThat(audioDts.size() - 30).isBetween(160, 166);
    }

    @Test
    void aSourceComingBackEndsTheSlateAtItsKeyframeAfterEverythingOut() {
        connect("main", 1);
        send("main", 1, 0, 30);
        im.disconnected("main");
        ticks(25);
        connect("main", 1); // the same camera reconnects, its clock restarted at 0
        send("main", 1, 0, 1);
        ticks(1);
        assertThat(im.state().pending()).isEqualTo("main");
        long lastOut = Math.max(videoDts.get(videoDts.size() - 1), audioDts.get(audioDts.size() - 1));
        int firstBackAt = videoDts.size();
        out.clear();
        send("main", 1, 33, 2); // a keyframe at 33
        assertThat(events).last().isEqualTo("main->main FAILOVER");
        assertThat(im.state().slate()).isFalse();
        assertThat(out).startsWith("vcfg 1", "switch", "K 1");
        long firstBack = videoDts.get(firstBackAt);
        assertThat(firstBack).isEqualTo(lastOut + 33);
    }
}
