// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.AudioFormat;
import io.cascade.edge.cmaf.CmafTracks;
import io.cascade.edge.cmaf.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broadcast served as {@code /hls/<id>/master.m3u8}: its renditions share one time origin
 * (program dates and media timestamps match across them) and one segment grid (segment N and its
 * part k cover the same media time in every rendition), and report on each other.
 */
public final class HlsBroadcast implements AutoCloseable {
    private final String id;
    private final HlsSettings settings;
    private final BroadcastTimebase timebase;
    private final Spool spool;
    private final CopyOnWriteArrayList<HlsRendition> renditions = new CopyOnWriteArrayList<>();

    HlsBroadcast(String id, HlsSettings settings, BroadcastTimebase timebase, Spool spool) {
        this.id = id;
        this.settings = settings;
        this.timebase = timebase;
        this.spool = spool;
    }

    public String id() {
        return id;
    }

    /** Adds a rendition with video, audio or both (either may be null); BANDWIDTH is measured. */
    public HlsRendition rendition(String name, VideoTrack video, AudioFormat audio) {
        return rendition(name, video, audio, 0);
    }

    /**
     * Adds a rendition. Listed in the multivariant playlist in the order added.
     *
     * @param bandwidthHint the encoder's peak bitrate in bits/s for BANDWIDTH, or 0 to measure it
     * @throws IllegalArgumentException for an invalid name or a name already in use
     */
    public synchronized HlsRendition rendition(String name, VideoTrack video, AudioFormat audio, long bandwidthHint) {
        Names.require("rendition", name);
        if (find(name) != null) {
            throw new IllegalArgumentException("rendition: " + name + " already exists in " + id);
        }
        if (bandwidthHint < 0) {
            throw new IllegalArgumentException("bandwidthHint: " + bandwidthHint);
        }
        // Until its first part the playlist of a rendition added to a running broadcast shows its
        // siblings' open segment (blocking requests are checked against it); the first part then
        // takes the number the shared grid gives its start (SegmentGrid).
        if (video != null) {
            timebase.segments().videoAdded();
        }
        long msn = timebase.firstMediaSequence();
        long part = timebase.firstPartSequence();
        for (HlsRendition other : renditions) {
            msn = Math.max(msn, other.timeline().snapshot().openMsn());
            part = Math.max(part, other.timeline().snapshot().nextPartSequence());
        }
        HlsRendition r = new HlsRendition(name, new CmafTracks(video, audio), bandwidthHint, settings, timebase,
                spool, msn, part);
        renditions.add(r);
        return r;
    }

    public List<HlsRendition> renditions() {
        return List.copyOf(renditions);
    }

    /** Ends every rendition's playlist (EXT-X-ENDLIST); the broadcast is still served until removed. */
    @Override
    public void close() {
        renditions.forEach(HlsRendition::close);
    }

    HlsRendition find(String name) {
        for (HlsRendition r : renditions) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Reports on every other rendition that has published a part, in the order added. */
    List<RenditionReport> reportsExcept(HlsRendition self) {
        List<RenditionReport> reports = new ArrayList<>(renditions.size());
        for (HlsRendition r : renditions) {
            RenditionReport report = r == self ? null : RenditionReport.of(r.name(), r.timeline().snapshot());
            if (report != null) {
                reports.add(report);
            }
        }
        return reports;
    }

    void expireWaiters() {
        renditions.forEach(r -> r.timeline().expireWaiters());
    }

    /** Removal: held requests end with GONE; the renditions' spool files are deleted. */
    void release() {
        renditions.forEach(r -> r.timeline().close());
    }

    /** The first media sequence number and part sequence number no rendition has used: {msn, part}. */
    long[] nextUnusedSequences() {
        long msn = Math.max(timebase.firstMediaSequence(), timebase.segments().lastMsn() + 1);
        long part = timebase.firstPartSequence();
        for (HlsRendition r : renditions) {
            TimelineSnapshot s = r.timeline().snapshot();
            msn = Math.max(msn, s.openMsn() + 1);
            part = Math.max(part, s.nextPartSequence());
        }
        return new long[] {msn, part};
    }
}
