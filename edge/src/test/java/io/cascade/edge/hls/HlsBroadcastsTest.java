// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HlsBroadcastsTest {

    @Test
    void idsAndNamesFollowTheUrlGrammar() {
        HlsBroadcasts broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock());
        assertThatThrownBy(() -> broadcasts.open("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broadcastId:");
        HlsBroadcast b = broadcasts.open("b1");
        assertThatThrownBy(() -> broadcasts.open("b1")).hasMessageContaining("already open");
        b.rendition("720p", Synthetic.VIDEO, null);
        assertThatThrownBy(() -> b.rendition("720p", Synthetic.VIDEO, null)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> b.rendition("a/b", Synthetic.VIDEO, null)).hasMessageStartingWith("rendition:");
        assertThatThrownBy(() -> b.rendition("x", null, null)).hasMessageStartingWith("tracks:");
        assertThatThrownBy(() -> b.rendition("x", Synthetic.VIDEO, null).audio(
                new io.cascade.edge.cmaf.AudioSample(0, new byte[1]))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReopenedBroadcastNeverReusesAUri() {
        HlsBroadcasts broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock());
        HlsRendition first = broadcasts.open("b1").rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(first, 3000, 30, 0).seconds(10.5);
        TimelineSnapshot before = first.timeline().snapshot();
        broadcasts.remove("b1");
        HlsRendition again = broadcasts.open("b1").rendition("720p", Synthetic.VIDEO, null);   // same second
        TimelineSnapshot after = again.timeline().snapshot();
        assertThat(after.openMsn()).isGreaterThan(before.openMsn());
        assertThat(after.nextPartSequence()).isGreaterThanOrEqualTo(before.nextPartSequence());
    }

    @Test
    void aRenditionAddedLaterContinuesItsSiblingsNumbering() {
        HlsBroadcast b = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b1");
        HlsRendition first = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(first, 3000, 30, 0).seconds(10.5);
        HlsRendition later = b.rendition("360p", Synthetic.VIDEO, null);
        assertThat(later.timeline().snapshot().openMsn()).isEqualTo(first.timeline().snapshot().openMsn());
    }

    @Test
    void settingsAreValidatedOnce() {
        assertThatThrownBy(() -> HlsSettings.DEFAULTS.withPartTarget(Duration.ofMillis(50)))
                .hasMessageStartingWith("partTarget:");
        assertThatThrownBy(() -> HlsSettings.DEFAULTS.withSegmentTarget(Duration.ofMillis(500)))
                .hasMessageStartingWith("segmentTarget:");
        assertThatThrownBy(() -> HlsSettings.DEFAULTS.withLiveWindowSegments(2))
                .hasMessageStartingWith("liveWindowSegments:");
        assertThatThrownBy(() -> HlsSettings.DEFAULTS.withSegmentTarget(Duration.ofSeconds(1)).withLiveWindowSegments(3))
                .hasMessageStartingWith("liveWindowSegments:");
        assertThat(HlsSettings.DEFAULTS.withPartTarget(Duration.ofMillis(333)).advancePartLimit()).isCloseTo(9.009,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(HlsSettings.DEFAULTS.withSegmentTarget(Duration.ofMillis(1500)).targetDurationSeconds()).isEqualTo(2);
    }
}
