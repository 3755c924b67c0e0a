// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one rendition's published bytes: its init section in {@code r<n>-init.mp4} and each
 * segment's parts appended to {@code r<n>-s<msn>.m4s} of the {@link Spool}, or in memory when
 * there is no spool (or a write fails, counted by the spool).
 *
 * <p>Deletion: a segment's file is deleted one segment after the segment left the retained window
 * (at the next {@link #retire} call), not at once. A request finds a part or segment in a timeline
 * snapshot and then opens its file; a snapshot taken just before the segment left could otherwise
 * name a file already gone. With a whole segment duration of slack that open finds the file unless
 * its thread stalled for that long; if it does not, sendFile fails before any byte of the response
 * is written and the request is answered 404 (see {@link HlsResponses#file}). Once open, a file
 * deleted under a response is still sent whole (Linux keeps an unlinked file's pages while a
 * descriptor is open). So a racing request gets the full body or a clean 404, never a short 200.
 */
final class RenditionStore {
    private final Spool spool;
    private final String prefix;
    private final Set<SpoolFile> files = new LinkedHashSet<>();
    private final ArrayDeque<SpoolFile> retiring = new ArrayDeque<>();
    private SpoolFile open;
    private long openMsn = -1;
    private boolean closed;

    /** @param spool where to write, or null to hold everything in memory */
    RenditionStore(Spool spool) {
        this.spool = spool;
        this.prefix = spool == null ? "" : spool.renditionPrefix();
    }

    /** Stores the init section (written once, read by every viewer once). */
    synchronized PartData init(byte[] init) {
        return write(spool == null ? null : spool.file(prefix + "init.mp4"), init, true);
    }

    /** Stores a part of segment {@code msn}: appended to that segment's file, opened on its first part. */
    synchronized PartData part(long msn, byte[] fragment) {
        if (spool != null && (open == null || openMsn != msn)) {
            endSegment();
            open = spool.file(prefix + "s" + msn + ".m4s");
            openMsn = msn;
        }
        return write(open, fragment, false);
    }

    /** The open segment is complete: its file gets no more appends. */
    synchronized void endSegment() {
        if (open != null) {
            open.seal();
            open = null;
        }
    }

    /**
     * These segments left the retained window: their files are deleted at the next call (or at
     * {@link #close}); those retired at the previous call are deleted now.
     */
    synchronized void retire(List<Segment> removed) {
        while (!retiring.isEmpty()) {
            delete(retiring.removeFirst());
        }
        for (Segment s : removed) {
            for (Part p : s.parts()) {
                if (p.data() instanceof PartData.Spooled f && !retiring.contains(f.file())) {
                    retiring.addLast(f.file());
                }
            }
        }
    }

    /** The rendition is gone: every file it wrote is deleted now. */
    synchronized void close() {
        closed = true;
        open = null;
        retiring.clear();
        for (SpoolFile f : new ArrayList<>(files)) {
            f.delete();
        }
        files.clear();
    }

    /** Files written and not yet deleted (tests). */
    synchronized List<SpoolFile> files() {
        return List.copyOf(files);
    }

    private PartData write(SpoolFile file, byte[] bytes, boolean seal) {
        if (file != null && !closed) {
            try {
                files.add(file);
                long offset = file.append(bytes);
                if (seal) {
                    file.seal();
                }
                return new PartData.Spooled(file, offset, bytes.length);
            } catch (IOException e) {
                spool.countWriteFailure(e, file.path());
                if (file.size() == 0) {
                    delete(file);   // holds no part: the segment's later parts go to memory too
                }
            }
        }
        return PartData.InMemory.of(bytes);
    }

    private void delete(SpoolFile f) {
        f.delete();
        files.remove(f);
    }
}
