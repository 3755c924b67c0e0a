// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group rooms between real Chromium pages at {@code /meet/{room}}: mesh while small, the SFU (this
 * node's relay with its WebRTC gateway) above the threshold, simulcast layers chosen per viewer.
 * The machine running these has 2 cores, so pages capture 320x180 ({@code w}/{@code h}; the
 * simulcast layers are then 80x45, 160x90 and 320x180) and the frame counts asked for are small.
 * Every wait is bounded inside the page; browsers close in finally (try-with-resources).
 */
@QuarkusTest
class RoomsThroughChromiumTest {
    private static final Duration PAGE_UP = Duration.ofSeconds(20);
    private static final Duration MEDIA = Duration.ofSeconds(45);
    private static final String SMALL = "&w=320&h=180";
    /** Frames each remote video must have decoded: about half a second at 30 fps. */
    private static final int FRAMES = 15;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void chromium() {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
    }

    @Test
    void threePeopleMeshDecodeEachOtherPeerToPeer() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            List<String> pages = new ArrayList<>();
            for (String name : List.of("m3-alice", "m3-bob", "m3-carol")) {
                pages.add(open(chromium, "/meet/mesh3?name=" + name + SMALL));
            }
            for (String page : pages) {
                JsonNode stats = waitFor(chromium, page, allDecode(2, "p2p"), MEDIA);
                System.out.println("mesh3: " + stats);
                assertThat(stats).hasSize(2);
            }
            JsonNode state = chromium.evaluate(pages.get(0), "cascade.state()", Duration.ofSeconds(5));
            assertThat(state.path("mode").asText()).isEqualTo("mesh");
            assertThat(state.path("publications")).isEmpty();
        }
    }

    @Test
    void aFifthJoinerMovesAFourPersonMeshToTheSfuWithoutRejoining() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            List<String> pages = new ArrayList<>();
            for (String name : List.of("s5-a", "s5-b", "s5-c", "s5-d")) {
                pages.add(open(chromium, "/meet/switch5?name=" + name + SMALL));
            }
            for (String page : pages) {
                waitFor(chromium, page, allDecode(3, "p2p"), MEDIA);
            }
            pages.add(open(chromium, "/meet/switch5?name=s5-e" + SMALL));
            for (String page : pages) {
                JsonNode stats = waitFor(chromium, page, allDecode(4, "sfu"), MEDIA);
                System.out.println("switch5: " + stats);
            }
            for (String page : pages) {
                JsonNode state = chromium.evaluate(page, "cascade.state()", Duration.ofSeconds(5));
                System.out.println("switch5 state: resubscribes " + state.path("resubscribes") + ", republishes "
                        + state.path("republishes") + ", modes " + state.path("modes"));
                assertThat(state.path("joins").asInt()).as("joined once").isEqualTo(1);
                assertThat(state.path("mode").asText()).isEqualTo("sfu");
                assertThat(state.path("mesh")).as("mesh connections closed after the switch").isEmpty();
            }
        }
    }

    @Test
    void sixPeopleInSfuModeEachDecodeFiveVideos() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                pages.add(open(chromium, "/meet/sfu6?name=six-" + i + SMALL));
            }
            for (String page : pages) {
                JsonNode stats = waitFor(chromium, page, allDecode(5, "sfu"), MEDIA);
                System.out.println("sfu6: " + stats);
            }
        }
    }

    @Test
    void aThrottledViewerGetsTheLowSimulcastLayer() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            // a reported uplink of 100 kbps makes the threshold 2: three people are an SFU room
            String pub = open(chromium, "/meet/layers?name=ly-pub&w=640&h=360&uplink=100");
            String free = open(chromium, "/meet/layers?name=ly-free" + SMALL);
            String slow = open(chromium, "/meet/layers?name=ly-slow" + SMALL);
            String wide = "(await cascade.stats()).find(s => s.peer === 'ly-pub' && s.mode === 'sfu' && s.frameWidth >= 320)";
            JsonNode before = waitFor(chromium, slow, wide, MEDIA);
            System.out.println("layers before: " + before);
            // below every layer's rate (the fake camera's 320x180 middle layer needs well under 150 kbps),
            // so the selector falls back to the lowest active layer
            chromium.evaluate(slow, "cascade.limitDownlink(30)", Duration.ofSeconds(5));
            String narrow = "(await cascade.stats()).find(s => s.peer === 'ly-pub' && s.mode === 'sfu'"
                    + " && s.frameWidth > 0 && s.frameWidth <= 160)";
            JsonNode after = waitFor(chromium, slow, narrow, MEDIA);
            System.out.println("layers after the cap: " + after);
            assertThat(after.path("frameWidth").asInt()).isEqualTo(160); // 640 / 4: the q layer
            // the unthrottled viewer keeps a higher layer
            JsonNode other = waitFor(chromium, free, wide, MEDIA);
            assertThat(other.path("frameWidth").asInt()).isGreaterThan(160);
            assertThat(pub).isNotNull();
        }
    }

    @Test
    void anAudioOnlyMemberHearsAndIsHeard() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            String voice = open(chromium, "/meet/voice?name=ao-voice&audioOnly=1");
            String cam = open(chromium, "/meet/voice?name=ao-cam" + SMALL);
            JsonNode heard = waitFor(chromium, cam,
                    "(await cascade.stats()).find(s => s.peer === 'ao-voice' && s.mode === 'p2p' && s.audioBytesReceived > 2000)", MEDIA);
            System.out.println("audio-only member heard: " + heard);
            assertThat(heard.path("framesDecoded").asInt()).isZero();
            JsonNode sees = waitFor(chromium, voice,
                    "(await cascade.stats()).find(s => s.peer === 'ao-cam' && s.framesDecoded >= " + FRAMES
                            + " && s.audioBytesReceived > 2000)", MEDIA);
            System.out.println("audio-only member sees: " + sees);
        }
    }

    private String open(Chromium chromium, String path) {
        return MeetPages.join(chromium, base.resolve(path).toString().replace("localhost", "127.0.0.1"), PAGE_UP);
    }

    private static String allDecode(int peers, String mode) {
        return MeetPages.allDecode(peers, mode, FRAMES);
    }

    private static JsonNode waitFor(Chromium chromium, String session, String expression, Duration bound) {
        return MeetPages.waitFor(chromium, session, expression, bound);
    }
}
