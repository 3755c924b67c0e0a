// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * The tracks of one rendition and their track_IDs: video is track 1, audio is track 2 beside video
 * or track 1 alone. A rendition with both is one muxed fMP4 stream (one init, one fragment per part
 * with a {@code traf} per track): one playlist and one blocking request per part for the player,
 * which keeps LL-HLS simple for hls.js and Safari alike. A single-track rendition is a CMAF track
 * file (ISO/IEC 23000-19 §7.3.1 allows one track per CMAF track, hence brands only claim CMAF then).
 *
 * @param video the H.264 track, or null
 * @param audio the audio track, or null
 */
public record CmafTracks(VideoTrack video, AudioFormat audio) {
    public CmafTracks {
        if (video == null && audio == null) {
            throw new CmafFormatException("tracks", "a rendition needs video, audio or both");
        }
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }

    public boolean muxed() {
        return video != null && audio != null;
    }

    public int videoTrackId() {
        return 1;
    }

    public int audioTrackId() {
        return video != null ? 2 : 1;
    }

    public int trackCount() {
        return muxed() ? 2 : 1;
    }

    /** The CODECS attribute value: every format in the rendition (RFC 8216bis §4.4.6.2). */
    public String codecs() {
        if (muxed()) {
            return video.config().codecs() + "," + audio.codecs();
        }
        return video != null ? video.config().codecs() : audio.codecs();
    }
}
