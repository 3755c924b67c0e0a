// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking playlist reload (RFC 8216bis §6.2.5.2) without a network: rules, holds, timeouts. */
class BlockingReloadTest {
    private final ManualClock clock = Synthetic.clock();
    private HlsBroadcasts broadcasts;
    private HlsRendition r;
    private Synthetic feed;
    private final List<Waiters.Outcome> outcomes = new ArrayList<>();

    @BeforeEach
    void open() {
        broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS, clock);
        r = broadcasts.open("b1").rendition("720p", Synthetic.VIDEO, null);
        feed = new Synthetic(r, 3000, 30, 0);
        feed.seconds(4.5);                       // segments M0, M0+1 complete; open segment has 2 parts
    }

    private long m0() {
        return Synthetic.START.getEpochSecond();
    }

    private RenditionTimeline.Hold await(long msn, long part) {
        return r.timeline().await(ReloadRules.until(new Directives(msn, part, Directives.Skip.NO)), outcomes::add);
    }

    private void check(long msn, long part) {
        ReloadRules.check(new Directives(msn, part, Directives.Skip.NO), r.timeline().snapshot(), r.settings());
    }

    @Test
    void holdsUntilThePartIsPublishedThenCompletesOnce() {
        assertThat(r.timeline().snapshot().openParts()).hasSize(2);
        assertThat(await(m0() + 2, 2)).isEqualTo(RenditionTimeline.Hold.WAITING);
        feed.frames(3);
        assertThat(outcomes).isEmpty();
        feed.frames(1);                           // its sixth frame's successor arrives: part 2 closes
        assertThat(outcomes).containsExactly(Waiters.Outcome.READY);
        feed.seconds(8);
        assertThat(outcomes).hasSize(1);
        assertThat(r.timeline().waiting()).isZero();
    }

    @Test
    void whatExistsAlreadyIsAnsweredAtOnce() {
        assertThat(await(m0() + 2, 1)).isEqualTo(RenditionTimeline.Hold.READY);
        assertThat(await(m0() + 1, -1)).isEqualTo(RenditionTimeline.Hold.READY);
        assertThat(await(m0() - 100, 3)).isEqualTo(RenditionTimeline.Hold.READY);   // long gone: serve the playlist
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aSegmentRequestWaitsForTheWholeSegment() {
        assertThat(await(m0() + 2, -1)).isEqualTo(RenditionTimeline.Hold.WAITING);
        feed.seconds(5.9);
        assertThat(outcomes).isEmpty();
        feed.seconds(6.1);                        // the keyframe at 6 s ends segment M0+2
        assertThat(outcomes).containsExactly(Waiters.Outcome.READY);
    }

    @Test
    void aPartIndexPastTheLastPartOfASegmentMeansPartZeroOfTheNext() {
        int parts = r.timeline().snapshot().segment(m0() + 1).parts().size();
        assertThat(parts).isEqualTo(10);
        assertThat(await(m0() + 1, parts)).isEqualTo(RenditionTimeline.Hold.READY);   // M0+2 part 0 exists
        feed.seconds(6.1);
        int last = r.timeline().snapshot().segment(m0() + 2).parts().size();
        assertThat(await(m0() + 2, last)).isEqualTo(RenditionTimeline.Hold.WAITING);
        feed.seconds(6.3);
        assertThat(outcomes).containsExactly(Waiters.Outcome.READY);
    }

    @Test
    void aHeldRequestTimesOutAfterThreeTargetDurations() {
        assertThat(await(m0() + 3, 0)).isEqualTo(RenditionTimeline.Hold.WAITING);
        clock.advance(Duration.ofMillis(5999));
        broadcasts.expireWaiters();
        assertThat(outcomes).isEmpty();
        clock.advance(Duration.ofMillis(1));
        broadcasts.expireWaiters();
        assertThat(outcomes).containsExactly(Waiters.Outcome.TIMEOUT);
    }

    @Test
    void endingThePlaylistReleasesEveryHeldRequest() {
        await(m0() + 3, 4);
        await(m0() + 2, -1);
        r.close();
        assertThat(outcomes).containsExactly(Waiters.Outcome.READY, Waiters.Outcome.READY);
        check(m0() + 1000, 0);                    // directives are ignored once ended
    }

    @Test
    void removingTheBroadcastTellsHeldRequestsItIsGone() {
        await(m0() + 3, 0);
        broadcasts.remove("b1");
        assertThat(outcomes).containsExactly(Waiters.Outcome.READY);   // close() ended the playlist first
        assertThat(broadcasts.get("b1")).isEmpty();
    }

    @Test
    void msnMoreThanTwoPastTheLastSegmentIsABadRequest() {
        // last complete segment is M0+1: M0+3 is allowed, M0+4 is not
        check(m0() + 3, -1);
        assertThatThrownBy(() -> check(m0() + 4, -1)).isInstanceOf(HlsRequestException.class)
                .hasMessageStartingWith("_HLS_msn:").extracting(e -> ((HlsRequestException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> check(Long.MAX_VALUE / 10, 0)).isInstanceOf(HlsRequestException.class);
    }

    @Test
    void partsBeyondTheAdvancePartLimitAreABadRequest() {
        // PART-TARGET 0.2 s: limit 3 / 0.2 = 15 parts past the last (open segment, part index 1)
        assertThat(r.settings().advancePartLimit()).isEqualTo(15.0);
        check(m0() + 2, 16);
        assertThatThrownBy(() -> check(m0() + 2, 17)).hasMessageStartingWith("_HLS_part:");
        // next segment: 8 more parts expected in this one, then part 6 of the next is 15 ahead
        check(m0() + 3, 6);
        assertThatThrownBy(() -> check(m0() + 3, 7)).hasMessageStartingWith("_HLS_part:");
        assertThatThrownBy(() -> check(m0() + 2, 999_999_999_999_999_999L)).isInstanceOf(HlsRequestException.class);
    }

    @Test
    void aFullWaiterListRefusesInsteadOfGrowing() {
        Waiters w = new Waiters(2);
        assertThat(w.add(s -> false, Long.MAX_VALUE, o -> { })).isTrue();
        assertThat(w.add(s -> false, Long.MAX_VALUE, o -> { })).isTrue();
        assertThat(w.add(s -> false, Long.MAX_VALUE, o -> { })).isFalse();
    }
}
