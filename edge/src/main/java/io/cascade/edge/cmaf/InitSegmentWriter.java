// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * Writes the initialization segment of a rendition ({@code EXT-X-MAP}): {@code ftyp} then a
 * {@code moov} describing every track with empty sample tables and a {@code trex} per track, the
 * fragmented-movie layout of ISO/IEC 14496-12 §8.8 and CMAF (ISO/IEC 23000-19 §7.3.2).
 */
public final class InitSegmentWriter {
    private static final int MOVIE_TIMESCALE = 1000;
    private static final int LANGUAGE_UND = ('u' - 0x60) << 10 | ('n' - 0x60) << 5 | ('d' - 0x60);
    /** tkhd flags: track_enabled | track_in_movie (§8.3.2.3). */
    private static final int TRACK_ENABLED_IN_MOVIE = 0x000003;

    private InitSegmentWriter() {
    }

    public static byte[] write(CmafTracks tracks) {
        BoxWriter w = new BoxWriter(1024);
        ftyp(w, tracks);
        w.box("moov");
        mvhd(w, tracks.trackCount() + 1);
        if (tracks.hasVideo()) {
            trak(w, tracks.videoTrackId(), tracks.video(), null);
        }
        if (tracks.hasAudio()) {
            trak(w, tracks.audioTrackId(), null, tracks.audio());
        }
        w.box("mvex");                      // §8.8.1: the movie is fragmented
        if (tracks.hasVideo()) {
            trex(w, tracks.videoTrackId());
        }
        if (tracks.hasAudio()) {
            trex(w, tracks.audioTrackId());
        }
        w.end().end();
        return w.toByteArray();
    }

    /**
     * §4.3 FileTypeBox. {@code iso6} covers {@code tfdt} v1 and default-base-is-moof. {@code cmfc}
     * (CMAF) only for a single-track file; a muxed file lists {@code isom} instead.
     */
    static void ftyp(BoxWriter w, CmafTracks tracks) {
        w.box("ftyp").fourcc("iso6").u32(0).fourcc("iso6").fourcc(tracks.muxed() ? "isom" : "cmfc").end();
    }

    /** §8.2.2 MovieHeaderBox, version 0; duration 0 because the movie is fragmented and live. */
    private static void mvhd(BoxWriter w, int nextTrackId) {
        w.fullBox("mvhd", 0, 0);
        w.u32(0).u32(0);                    // creation_time, modification_time
        w.u32(MOVIE_TIMESCALE).u32(0);      // timescale, duration
        w.u32(0x00010000);                  // rate 1.0
        w.u16(0x0100).u16(0);               // volume 1.0, reserved
        w.u32(0).u32(0);                    // reserved[2]
        w.unityMatrix();
        w.zeros(24);                        // pre_defined[6]
        w.u32(nextTrackId);
        w.end();
    }

    /** §8.3.1 TrackBox for either the video or the audio track. */
    private static void trak(BoxWriter w, int trackId, VideoTrack video, AudioFormat audio) {
        w.box("trak");
        tkhd(w, trackId, video);
        w.box("mdia");
        mdhd(w, video != null ? VideoTrack.TIMESCALE : audio.timescale());
        hdlr(w, video != null);
        w.box("minf");
        if (video != null) {
            w.fullBox("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0).end();    // §12.1.2: graphicsmode, opcolor
        } else {
            w.fullBox("smhd", 0, 0).u16(0).u16(0).end();                  // §12.2.2: balance, reserved
        }
        dinf(w);
        stbl(w, video, audio);
        w.end().end().end();
    }

    /** §8.3.2 TrackHeaderBox, version 0. Width and height are 16.16 fixed point; 0 for audio. */
    private static void tkhd(BoxWriter w, int trackId, VideoTrack video) {
        w.fullBox("tkhd", 0, TRACK_ENABLED_IN_MOVIE);
        w.u32(0).u32(0);                    // creation_time, modification_time
        w.u32(trackId).u32(0);              // track_ID, reserved
        w.u32(0);                           // duration
        w.u32(0).u32(0);                    // reserved[2]
        w.u16(0).u16(0);                    // layer, alternate_group
        w.u16(video == null ? 0x0100 : 0);  // volume: 1.0 for audio
        w.u16(0);                           // reserved
        w.unityMatrix();
        w.u32(video == null ? 0 : (long) video.width() << 16);
        w.u32(video == null ? 0 : (long) video.height() << 16);
        w.end();
    }

    /** §8.4.2 MediaHeaderBox, version 0, language "und" (ISO-639-2/T packed 3x5 bits). */
    private static void mdhd(BoxWriter w, int timescale) {
        w.fullBox("mdhd", 0, 0).u32(0).u32(0).u32(timescale).u32(0).u16(LANGUAGE_UND).u16(0).end();
    }

    /** §8.4.3 HandlerBox: {@code vide} or {@code soun}, with a null-terminated name. */
    private static void hdlr(BoxWriter w, boolean video) {
        w.fullBox("hdlr", 0, 0).u32(0).fourcc(video ? "vide" : "soun").u32(0).u32(0).u32(0);
        w.bytes((video ? "Cascade Video\0" : "Cascade Audio\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        w.end();
    }

    /** §8.7.1 DataInformationBox with §8.7.2 a {@code dref} of one self-contained {@code url } entry. */
    private static void dinf(BoxWriter w) {
        w.box("dinf").fullBox("dref", 0, 0).u32(1).fullBox("url ", 0, 1).end().end().end();
    }

    /**
     * §8.5.1 SampleTableBox: the sample description plus empty {@code stts} (§8.6.1.2),
     * {@code stsc} (§8.7.4), {@code stsz} (§8.7.3.2) and {@code stco} (§8.7.5); samples live in
     * the fragments.
     */
    private static void stbl(BoxWriter w, VideoTrack video, AudioFormat audio) {
        w.box("stbl");
        w.fullBox("stsd", 0, 0).u32(1);
        if (video != null) {
            SampleEntryWriter.avc1(w, video);
        } else if (audio instanceof AacFormat aac) {
            SampleEntryWriter.mp4a(w, aac);
        } else if (audio instanceof OpusFormat opus) {
            SampleEntryWriter.opus(w, opus);
        }
        w.end();
        w.fullBox("stts", 0, 0).u32(0).end();
        w.fullBox("stsc", 0, 0).u32(0).end();
        w.fullBox("stsz", 0, 0).u32(0).u32(0).end();
        w.fullBox("stco", 0, 0).u32(0).end();
        w.end();
    }

    /** §8.8.3 TrackExtendsBox: sample description 1; every default comes per sample in {@code trun}. */
    private static void trex(BoxWriter w, int trackId) {
        w.fullBox("trex", 0, 0).u32(trackId).u32(1).u32(0).u32(0).u32(0).end();
    }
}
