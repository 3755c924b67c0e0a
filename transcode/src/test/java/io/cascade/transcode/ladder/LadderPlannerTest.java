// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {

    private static List<String> plan(int w, int h) {
        return LadderPlanner.plan(w, h, LadderConfig.defaultLadder()).stream()
                .map(r -> r.spec().name() + ":" + r.width() + "x" + r.height()).toList();
    }

    @Test
    void a1080SourceGetsTheFullLadder() {
        assertThat(plan(1920, 1080)).containsExactly("1080p:1920x1080", "720p:1280x720", "480p:854x480",
                "360p:640x360");
    }

    @Test
    void a720SourceGetsNo1080AndNothingIsUpscaled() {
        assertThat(plan(1280, 720)).containsExactly("720p:1280x720", "480p:854x480", "360p:640x360");
        assertThat(plan(1920, 1078)).doesNotContain("1080p:1920x1080").hasSize(3);
    }

    @Test
    void widthFollowsTheAspectRatioRoundedToEvenLikeScaleMinus2() {
        assertThat(plan(720, 576)).containsExactly("480p:600x480", "360p:450x360");
        assertThat(plan(1080, 1920)).containsExactly("1080p:608x1080", "720p:406x720", "480p:270x480",
                "360p:202x360");
    }

    @Test
    void aSourceBelowTheSmallestRungGetsOneRenditionAtItsOwnSize() {
        assertThat(plan(320, 180)).containsExactly("360p:320x180");
        assertThat(plan(321, 181)).as("odd sizes round down to even").containsExactly("360p:320x180");
    }
}
