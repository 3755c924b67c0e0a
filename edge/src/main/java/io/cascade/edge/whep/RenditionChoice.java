// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import io.cascade.distribution.sdp.H264ProfileLevelId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The rendition a WHEP viewer gets when it names none and the layered stream is not there for it.
 * Only rungs whose H.264 profile an offered profile decodes are considered (all of them when it offered none of theirs: the answer then says why it
 * failed). With a declared bandwidth: the highest
 * rendition whose bitrate plus audio fits in {@value #HEADROOM_PERCENT} % of it (RTP, SRTP and
 * retransmissions need the rest), else the lowest. Without one: {@value #PREFERRED}, or, when the
 * ladder has no such rung (a source below 720p), the highest there is.
 */
public final class RenditionChoice {
    static final String PREFERRED = "720p";
    static final int HEADROOM_PERCENT = 85;
    /** What the Opus track adds to every rendition (the ladder's audio), in bit/s. */
    static final long AUDIO_BPS = 64_000;

    /** One rung on offer: its name, video bitrate in bit/s and H.264 profile (null: unknown). */
    public record Rung(String name, long bitrate, H264ProfileLevelId.Profile profile) {
        public Rung(String name, long bitrate) {
            this(name, bitrate, null);
        }
    }

    private RenditionChoice() {}

    /**
     * What a viewer's declared bandwidth leaves for video, kbps, as the start estimate of a
     * simulcast viewer (the relay compares it with each layer's measured video bitrate):
     * {@value #HEADROOM_PERCENT} % of it less the audio, at least 1; 0 when none was declared.
     */
    public static int startKbps(OptionalLong viewerBps) {
        if (viewerBps.isEmpty()) {
            return 0;
        }
        long video = viewerBps.getAsLong() / 100 * HEADROOM_PERCENT - AUDIO_BPS;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, video / 1000));
    }

    /**
     * As {@link #choose(List, OptionalLong)}, among the rungs whose profile a profile in {@code
     * decodable} decodes (a High rung for Chromium's High 4:4:4 Predictive, see H264ProfileLevelId).
     */
    public static Optional<String> choose(List<Rung> rungs, OptionalLong viewerBps, Set<H264ProfileLevelId.Profile> decodable) {
        List<Rung> playable = rungs.stream()
                .filter(r -> r.profile() == null || decodable.stream().anyMatch(p -> p.decodes(r.profile()))).toList();
        return choose(playable.isEmpty() ? rungs : playable, viewerBps);
    }

    public static Optional<String> choose(List<Rung> rungs, OptionalLong viewerBps) {
        if (rungs.isEmpty()) {
            return Optional.empty();
        }
        List<Rung> ascending = rungs.stream().sorted(Comparator.comparingLong(Rung::bitrate).thenComparing(Rung::name)).toList();
        if (viewerBps.isEmpty()) {
            return Optional.of(ascending.stream().filter(r -> r.name().equals(PREFERRED)).findFirst()
                    .orElse(ascending.getLast()).name());
        }
        long budget = viewerBps.getAsLong() / 100 * HEADROOM_PERCENT;
        Rung best = ascending.getFirst();
        for (Rung r : ascending) {
            if (r.bitrate() + AUDIO_BPS <= budget) {
                best = r;
            }
        }
        return Optional.of(best.name());
    }
}
