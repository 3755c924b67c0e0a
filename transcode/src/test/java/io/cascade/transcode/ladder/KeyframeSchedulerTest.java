// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeSchedulerTest {

    private static final long FRAME = 33_333;

    /** 2 s GOP at 30 fps: 60 frames. */
    private final KeyframeScheduler schedule = new KeyframeScheduler(2_000_000, 60, FRAME);

    private List<Long> keysOver(long fromPts, int frames, long frameMicros) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            long pts = fromPts + Math.round(i * (double) frameMicros);
            if (schedule.isKeyframe(pts)) {
                keys.add(pts);
            }
        }
        return keys;
    }

    @Test
    void theFirstFrameAndThenEveryTwoSecondsOfMediaTime() {
        assertThat(keysOver(0, 181, 1_000_000 / 30)).containsExactly(0L, 1_999_980L, 3_999_960L, 5_999_940L);
    }

    @Test
    void ptsRoundedBelowTheBoundaryStillCountsWithinHalfAFrame() {
        assertThat(schedule.isKeyframe(1_000_000)).isTrue();
        assertThat(schedule.isKeyframe(2_983_334)).isTrue();
    }

    @Test
    void aForcedKeyframeLandsOnTheFirstFrameAtOrAfterTheAnchorAndRestartsTheGop() {
        assertThat(schedule.isKeyframe(0)).isTrue();
        assertThat(schedule.isKeyframe(FRAME)).isFalse();
        schedule.forceAt(500_000);
        assertThat(schedule.isKeyframe(466_662)).isFalse();
        assertThat(schedule.isKeyframe(499_995)).isFalse();
        assertThat(schedule.isKeyframe(533_328)).isTrue();
        assertThat(schedule.isKeyframe(566_661)).isFalse();
        assertThat(schedule.isKeyframe(2_000_000)).as("not on the old grid").isFalse();
        assertThat(schedule.isKeyframe(2_533_328)).as("two seconds after the forced one").isTrue();
    }

    @Test
    void requestsBeforeTheNextFrameCollapseIntoOne() {
        schedule.isKeyframe(0);
        schedule.forceAt(100_000);
        schedule.forceAt(200_000);
        assertThat(schedule.isKeyframe(100_000)).isTrue();
        assertThat(schedule.isKeyframe(200_000)).isFalse();
    }

    @Test
    void timestampsFasterThanNominalHitTheFrameCountFirstLikeX264sKeyint() {
        // 60 fps content declared as 30 fps: x264 counts frames, so must we.
        assertThat(keysOver(0, 121, 16_667)).containsExactly(0L, 1_000_020L, 2_000_040L);
    }

    @Test
    void aTimestampGoingBackwardsRestartsTheGop() {
        schedule.isKeyframe(5_000_000);
        schedule.isKeyframe(5_033_333);
        assertThat(schedule.isKeyframe(1_000_000)).isTrue();
        assertThat(schedule.isKeyframe(1_033_333)).isFalse();
    }
}
