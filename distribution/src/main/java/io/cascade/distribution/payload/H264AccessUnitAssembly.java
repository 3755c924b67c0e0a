// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The access unit {@link H264Depacketizer} is putting together: its NAL units so far, within the
 * size and count caps, and whether it has been damaged. A damaged unit keeps nothing more (it will
 * be dropped), which also bounds the memory a broken stream can hold. Remembers the latest SPS and
 * PPS that went into any unit.
 */
final class H264AccessUnitAssembly {
    private final int maxSize;
    private final int maxNals;
    private final List<byte[]> nals = new ArrayList<>();
    private int size;
    private boolean hasIdr;
    private boolean damaged;
    private boolean oversize;
    private byte[] latestSps;
    private byte[] latestPps;

    H264AccessUnitAssembly(int maxSize, int maxNals) {
        this.maxSize = maxSize;
        this.maxNals = maxNals;
    }

    /** Copies one complete NAL unit, {@code buf[at, at + length)}, into the unit. */
    void add(ByteBuf buf, int at, int length) {
        if (!damaged && fits(length, 1)) {
            byte[] nal = new byte[length];
            buf.getBytes(at, nal);
            keep(nal);
        }
    }

    /** Adds one complete NAL unit, handed over. */
    void add(byte[] nal) {
        if (!damaged && fits(nal.length, 1)) {
            keep(nal);
        }
    }

    private void keep(byte[] nal) {
        nals.add(nal);
        size += nal.length;
        int type = H264Nal.type(nal);
        hasIdr |= type == H264Nal.IDR;
        if (type == H264Nal.SPS) {
            latestSps = nal;
        } else if (type == H264Nal.PPS) {
            latestPps = nal;
        }
    }

    /**
     * Whether {@code octets} more in {@code count} more NAL units stay within the caps; if not, the
     * unit is damaged as oversize. {@code count} 0 checks a fragment still being gathered.
     */
    boolean fits(long octets, int count) {
        if (!oversize && size + octets <= maxSize && nals.size() + count <= maxNals) {
            return true;
        }
        oversize = true;
        damage();
        return false;
    }

    /** Marks the unit as lost and lets go of its NAL units. */
    void damage() {
        damaged = true;
        nals.clear();
        size = 0;
    }

    boolean damaged() {
        return damaged;
    }

    boolean oversize() {
        return oversize;
    }

    boolean hasIdr() {
        return hasIdr;
    }

    boolean isEmpty() {
        return nals.isEmpty();
    }

    /** Whether the first slice has first_mb_in_slice 0, i.e. the first bit after its header is 1. */
    boolean startsAtFirstMacroblock() {
        for (byte[] nal : nals) {
            if (H264Nal.isVcl(H264Nal.type(nal))) {
                return nal.length > 1 && (nal[1] & 0x80) != 0;
            }
        }
        return false;
    }

    /** The unit as gathered, and the assembly emptied for the next one. */
    H264AccessUnit take(int rtpTimestamp) {
        H264AccessUnit unit = new H264AccessUnit(rtpTimestamp, hasIdr, nals);
        clear();
        return unit;
    }

    void clear() {
        nals.clear();
        size = 0;
        hasIdr = false;
        damaged = false;
        oversize = false;
    }

    byte[] latestSps() {
        return latestSps;
    }

    byte[] latestPps() {
        return latestPps;
    }
}
