// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.List;

/**
 * Writes one movie fragment, an LL-HLS partial segment: optionally {@code styp} (when the part
 * starts a segment), then {@code moof} with one {@code traf} per track and one {@code mdat} holding
 * the tracks' samples in the order of the {@code traf}s.
 */
public final class FragmentWriter {
    /** tfhd flags (§8.8.7.1): default-base-is-moof, so data offsets count from the moof's first byte. */
    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
    /** trun flags (§8.8.8.1): data-offset, sample-duration, sample-size, sample-flags present. */
    private static final int TRUN_DATA_OFFSET = 0x000001;
    private static final int TRUN_DURATION_SIZE_FLAGS = 0x000100 | 0x000200 | 0x000400;
    private static final int TRUN_COMPOSITION_OFFSETS = 0x000800;
    /** §8.8.3.1 sample flags: sample_depends_on = 2 (depends on no other sample). */
    static final int FLAGS_SYNC = 0x02000000;
    /** sample_depends_on = 1 (depends on others) and sample_is_non_sync_sample = 1. */
    static final int FLAGS_NON_SYNC = 0x01010000;
    private static final long MAX_FRAGMENT = Integer.MAX_VALUE - 64;

    private FragmentWriter() {
    }

    /**
     * @param sequenceNumber mfhd sequence_number, increasing by one per fragment of the stream
     * @param segmentStart whether to lead with {@code styp} (§8.16.2), as the first part of a segment does
     * @param runs one run per track present in this fragment, in track order
     */
    public static byte[] write(long sequenceNumber, boolean segmentStart, List<TrackRun> runs) {
        long payload = 0;
        for (TrackRun run : runs) {
            payload += run.dataBytes();
        }
        if (runs.isEmpty() || payload > MAX_FRAGMENT) {
            throw new IllegalArgumentException("fragment with " + runs.size() + " runs and " + payload + " bytes");
        }
        BoxWriter w = new BoxWriter((int) payload + 128 + 16 * runs.stream().mapToInt(r -> r.samples().size()).sum());
        if (segmentStart) {
            w.box("styp").fourcc("msdh").u32(0).fourcc("msdh").end();
        }
        int moofStart = w.position();
        w.box("moof");
        w.fullBox("mfhd", 0, 0).u32(sequenceNumber).end();          // §8.8.5
        int[] dataOffsetAt = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            dataOffsetAt[i] = traf(w, runs.get(i));
        }
        w.end();
        int moofSize = w.position() - moofStart;
        long offset = moofSize + 8L;                                // first byte after the mdat header
        for (int i = 0; i < runs.size(); i++) {
            w.patchU32(dataOffsetAt[i], offset);
            offset += runs.get(i).dataBytes();
        }
        w.box("mdat");                                              // §8.1.1
        for (TrackRun run : runs) {
            for (FragmentSample s : run.samples()) {
                w.bytes(s.data());
            }
        }
        w.end();
        return w.toByteArray();
    }

    /** §8.8.6 TrackFragmentBox; returns where trun's data_offset must be patched. */
    private static int traf(BoxWriter w, TrackRun run) {
        w.box("traf");
        w.fullBox("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(run.trackId()).end();        // §8.8.7
        w.fullBox("tfdt", 1, 0).u64(run.baseMediaDecodeTime()).end();                     // §8.8.12, 64-bit
        int dataOffsetAt = trun(w, run);
        w.end();
        return dataOffsetAt;
    }

    /**
     * §8.8.8 TrackRunBox. Version 1 (signed composition offsets) only when an offset is negative;
     * version 0 otherwise, which every reader accepts.
     */
    private static int trun(BoxWriter w, TrackRun run) {
        boolean negative = run.samples().stream().anyMatch(s -> s.compositionOffset() < 0);
        int flags = TRUN_DATA_OFFSET | TRUN_DURATION_SIZE_FLAGS
                | (run.withCompositionOffsets() ? TRUN_COMPOSITION_OFFSETS : 0);
        w.fullBox("trun", negative ? 1 : 0, flags);
        w.u32(run.samples().size());
        int dataOffsetAt = w.position();
        w.u32(0);                                                    // data_offset, patched
        for (FragmentSample s : run.samples()) {
            w.u32(Integer.toUnsignedLong(s.duration()));
            w.u32(s.data().length);
            w.u32(s.sync() ? FLAGS_SYNC : FLAGS_NON_SYNC);
            if (run.withCompositionOffsets()) {
                w.u32(s.compositionOffset() & 0xFFFFFFFFL);
            }
        }
        w.end();
        return dataOffsetAt;
    }
}
