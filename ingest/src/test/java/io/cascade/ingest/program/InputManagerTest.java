// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputManagerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<String> out = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final InputManager im = new InputManager(clock, new ProgramSink() {
        @Override
        public void videoConfig(byte[] c) {
            out.add("vcfg " + c[0]);
        }

        @Override
        public void video(long dts, int cts, boolean key, byte[] avcc) {
            out.add((key ? "K" : "v") + dts + " " + avcc[0]);
        }

        @Override
        public void audioConfig(byte[] c) {
            out.add("acfg " + c[0]);
        }

        @Override
        public void audio(long dts, byte[] aac) {
            out.add("a" + dts + " " + aac[0]);
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

        @Override
        public void awaitingKeyframe(String source) {
            awaiting.add(source);
        }
    }, Duration.ofSeconds(1));
    private final List<String> awaiting = new ArrayList<>();

    /** Source {@code s} (id byte {@code id}) sends frames at 33 ms from {@code dts}; keyframe every {@code gop}. */
    private long send(String s, int id, long dts, int frames, int gop) {
        for (int i = 0; i < frames; i++) {
            im.video(s, dts, 0, i % gop == 0, new byte[] {(byte) id});
            im.audio(s, dts, new byte[] {(byte) id});
            dts += 33;
            clock.advance(Duration.ofMillis(33));
        }
        return dts;
    }

    private void connect(String s, int id) {
        im.connected(s);
        im.videoConfig(s, new byte[] {(byte) id});
        im.audioConfig(s, new byte[] {(byte) id});
    }

    @Test
    void theListenerHearsWheneverTheProgramStartsWaitingForASourcesKeyframe() {
        connect("cam1", 1);
        connect("cam2", 2);
        assertThat(awaiting).as("start: the first connected source").containsExactly("cam1");
        long d1 = send("cam1", 1, 0, 5, 30);
        im.cut("cam2");
        im.cut("cam2"); // already waiting for it: no second request
        assertThat(awaiting).containsExactly("cam1", "cam2");
        long d2 = send("cam2", 2, 0, 3, 30);
        assertThat(im.state().program()).isEqualTo("cam2");
        im.designateBackup("cam1");
        send("cam1", 1, d1, 3, 30);
        im.disconnected("cam2"); // failover to the backup
        assertThat(awaiting).containsExactly("cam1", "cam2", "cam1");
        assertThat(d2).isPositive();
    }

    @Test
    void theFirstLiveSourceGoesOnAirAtItsFirstKeyframeWithItsConfigFirst() {
        connect("cam1", 1);
        im.video("cam1", 5000, 0, false, new byte[] {1}); // not decodable alone: dropped
        send("cam1", 1, 5033, 3, 30);
        assertThat(out).containsExactly("vcfg 1", "K5033 1", "acfg 1", "a5033 1", "v5066 1", "a5066 1", "v5099 1", "a5099 1");
        assertThat(events).containsExactly("null->cam1 START");
    }

    @Test
    void aCutTakesEffectAtTheTargetsNextKeyframeAndTheTimelineStaysContinuous() {
        connect("cam1", 1);
        connect("cam2", 2);
        long d1 = send("cam1", 1, 0, 10, 30);
        send("cam2", 2, 900_000, 5, 30); // cam2 runs on its own clock, off air
        im.cut("cam2");
        out.clear();
        d1 = send("cam1", 1, d1, 2, 30); // cam1 still on air until cam2's keyframe
        long d2 = 900_000 + 5 * 33;
        im.video("cam2", d2, 0, false, new byte[] {2}); // not a keyframe: cam1 stays
        im.video("cam1", d1, 0, false, new byte[] {1});
        im.video("cam2", d2 + 33, 0, true, new byte[] {2}); // the cut
        im.video("cam1", d1 + 33, 0, false, new byte[] {1}); // off air now
        im.audio("cam2", d2, new byte[] {2});               // older than the cut: dropped
        im.audio("cam2", d2 + 33, new byte[] {2});
        assertThat(out).containsExactly("K330 1", "a330 1", "v363 1", "a363 1", "v396 1",
                "vcfg 2", "K429 2", "acfg 2", "a429 2");
        assertThat(events).containsExactly("null->cam1 START", "cam1->cam2 OPERATOR");
        assertThat(im.state().program()).isEqualTo("cam2");
    }

    @Test
    void aSilentProgramFailsOverToTheBackupAtItsNextKeyframe() {
        connect("main", 1);
        connect("backup", 2);
        im.designateBackup("backup");
        send("main", 1, 0, 5, 30);
        clock.advance(Duration.ofMillis(600));
        im.video("backup", 100, 0, false, new byte[] {2}); // backup is live, sending
        clock.advance(Duration.ofMillis(600));
        im.video("backup", 133, 0, false, new byte[] {2});
        im.tick();
        assertThat(im.state().pending()).isEqualTo("backup");
        im.video("backup", 166, 0, true, new byte[] {2});
        assertThat(events).containsExactly("null->main START", "main->backup FAILOVER");
        assertThat(out.get(out.size() - 1)).isEqualTo("K165 2"); // 132 (last out) + 33
    }

    @Test
    void aDisconnectedProgramFailsOverAtOnceAndNothingLiveIsReportedAsIdle() {
        connect("a", 1);
        send("a", 1, 0, 3, 30);
        im.disconnected("a");
        assertThat(events).containsExactly("null->a START", "idle a");
        connect("b", 2);
        send("b", 2, 50, 1, 30);
        im.tick();
        send("b", 2, 83, 1, 1);
        assertThat(events).last().isEqualTo("a->b FAILOVER");
    }
}
