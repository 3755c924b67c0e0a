// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.CmafTracks;
import io.cascade.edge.cmaf.InitSegmentWriter;
import io.cascade.edge.cmaf.VideoSample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One rendition of a broadcast and the sink its samples are pushed into. Pushes may come from any
 * thread but are serialized here; a push never throws for bad timing (it counts, see
 * {@link #counters()}). Timestamps of video and audio share one origin (see {@link VideoSample}).
 * {@link #close()} flushes what is held and ends the playlist with EXT-X-ENDLIST.
 */
public final class HlsRendition implements AutoCloseable {
    private final String name;
    private final CmafTracks tracks;
    private final long bandwidthHint;
    private final byte[] init;
    private final PartData initData;
    private final RenditionTimeline timeline;
    private final RenditionPackager packager;
    private final HlsSettings settings;
    private volatile Rendered full;
    private volatile Rendered delta;
    private volatile Encoded fullEncoded;
    private volatile Encoded deltaEncoded;

    /** The playlist body of one snapshot, rendered once for every viewer of it. */
    private record Rendered(TimelineSnapshot snapshot, String text) {
    }

    /** A whole playlist response (body and reports) as sent, encoded once for every viewer of it. */
    private record Encoded(TimelineSnapshot snapshot, List<RenditionReport> reports, ByteBuffer bytes) {
    }

    HlsRendition(String name, CmafTracks tracks, long bandwidthHint, HlsSettings settings, BroadcastTimebase timebase,
            Spool spool, long firstMsn, long firstPartSequence) {
        this.name = name;
        this.tracks = tracks;
        this.bandwidthHint = bandwidthHint;
        this.settings = settings;
        this.init = InitSegmentWriter.write(tracks);
        RenditionStore store = new RenditionStore(spool);
        this.initData = store.init(init);
        this.timeline = new RenditionTimeline(settings, timebase, store, firstMsn, firstPartSequence);
        this.packager = new RenditionPackager(tracks, settings, timebase, timeline);
    }

    public synchronized void video(VideoSample sample) {
        packager.video(sample);
    }

    public synchronized void audio(AudioSample sample) {
        packager.audio(sample);
    }

    /** Ends the rendition: the last part and segment are published and the playlist ends. */
    @Override
    public synchronized void close() {
        packager.finish();
    }

    public String name() {
        return name;
    }

    public CmafTracks tracks() {
        return tracks;
    }

    public synchronized RenditionCounters counters() {
        return packager.counters();
    }

    /** The BANDWIDTH given when the rendition was opened, or 0. */
    public long bandwidthHint() {
        return bandwidthHint;
    }

    byte[] init() {
        return init;
    }

    /** Where the init section is kept for responses (a spool file, or memory). */
    PartData initData() {
        return initData;
    }

    RenditionTimeline timeline() {
        return timeline;
    }

    HlsSettings settings() {
        return settings;
    }

    /**
     * The media playlist for a snapshot with the given reports on its siblings, UTF-8, read-only:
     * encoded once for all the viewers that ask between two changes (a playlist changes every part,
     * viewers ask many times per part).
     */
    ByteBuffer playlist(TimelineSnapshot s, boolean deltaUpdate, List<RenditionReport> reports) {
        Encoded e = deltaUpdate ? deltaEncoded : fullEncoded;
        if (e == null || e.snapshot() != s || !e.reports().equals(reports)) {
            String text = body(s, deltaUpdate) + MediaPlaylistWriter.tail(reports, s.ended());
            e = new Encoded(s, List.copyOf(reports), PartData.InMemory.of(text.getBytes(StandardCharsets.UTF_8)).data());
            if (deltaUpdate) {
                deltaEncoded = e;
            } else {
                fullEncoded = e;
            }
        }
        return e.bytes();
    }

    /** The playlist body for a snapshot, without reports; rendered once per snapshot and kind. */
    String body(TimelineSnapshot s, boolean deltaUpdate) {
        Rendered r = deltaUpdate ? delta : full;
        if (r == null || r.snapshot() != s) {
            r = new Rendered(s, MediaPlaylistWriter.body(settings, s, deltaUpdate));
            if (deltaUpdate) {
                delta = r;
            } else {
                full = r;
            }
        }
        return r.text();
    }
}
