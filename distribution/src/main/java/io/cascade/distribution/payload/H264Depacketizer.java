// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Reassembles H.264 access units from RTP, RFC 6184 packetization-mode 1 (and mode 0, a subset):
 * single NAL unit packets (§5.6), STAP-A (§5.7.1) and FU-A (§5.8). An access unit ends at a
 * packet with the M bit (§5.1) or when the timestamp changes, for senders that leave M clear.
 *
 * <p>Loss. A decoder fed a frame with a hole, or any frame after a lost one, shows corruption
 * until the next IDR picture, so this stage drops instead (§5.8: a receiver that loses a fragment
 * "SHOULD discard all following fragmentation units ... corresponding to the same fragmented NAL
 * unit"; we discard the whole access unit and the ones after it). An access unit is damaged when
 * a sequence gap falls inside or just before it, an FU-A lacks its start or end, or a payload is
 * malformed. Then {@link #needsKeyframe()} turns true and every access unit up to the next intact
 * IDR access unit is dropped (counted in {@code framesDroppedAwaitingKeyframe}); the stage starts
 * in that state, since a stream joined midway cannot be decoded before an IDR either. After a gap
 * the first packets of the next access unit may be the lost ones, so an IDR access unit that
 * starts right after a gap is taken only if its first slice starts at macroblock 0
 * (first_mb_in_slice, the first ue(v) of the slice header, §7.3.3, is 0 exactly when the first
 * bit after the NAL header is 1); parameter sets lost with it are not detected, and our own
 * packetizer repeats them with every IDR.
 *
 * <p>Not supported: the interleaved mode's STAP-B, MTAP16, MTAP24 and FU-B (§5.7, §5.8) damage
 * the access unit they are in and are counted as unsupported; types 0, 30 and 31, left undefined
 * (§5.4, Table 3: "ignore"; RFC 6190 uses 30 and 31 for SVC), are ignored and counted.
 * An FU with both S and E set, which §5.8 forbids but which cannot be misread, is taken.
 *
 * <p>Caps: an access unit larger than {@code maxAccessUnitSize} octets or with more than
 * {@code maxNalsPerAccessUnit} NAL units is dropped as it grows, never buffered in full.
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class H264Depacketizer implements RtpDepacketizer {
    /** A 4 MiB access unit is about 1 Gbit/s at 30 frames per second, far beyond any level. */
    public static final int DEFAULT_MAX_ACCESS_UNIT_SIZE = 4 << 20;
    /** Slices, SEI and parameter sets of one picture; encoders use a few, 1024 is generous. */
    public static final int DEFAULT_MAX_NALS_PER_ACCESS_UNIT = 1024;
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;

    private final Consumer<? super H264AccessUnit> sink;
    private final SequenceContinuity sequence = new SequenceContinuity();
    private final DepacketizerCounters counters = new DepacketizerCounters();
    private final FragmentBuffer fragment = new FragmentBuffer();
    private final H264AccessUnitAssembly unit;

    private boolean open;
    private int timestamp;
    private boolean startUncertain;
    private int fragmentType;
    private boolean awaitingKeyframe = true;

    /** A depacketizer with the default caps. */
    public H264Depacketizer(Consumer<? super H264AccessUnit> sink) {
        this(sink, DEFAULT_MAX_ACCESS_UNIT_SIZE, DEFAULT_MAX_NALS_PER_ACCESS_UNIT);
    }

    /**
     * @param maxAccessUnitSize    octets of NAL units one access unit may hold, at least 1
     * @param maxNalsPerAccessUnit NAL units one access unit may hold, at least 1
     */
    public H264Depacketizer(Consumer<? super H264AccessUnit> sink, int maxAccessUnitSize, int maxNalsPerAccessUnit) {
        if (maxAccessUnitSize < 1 || maxNalsPerAccessUnit < 1) {
            throw new IllegalArgumentException("caps must be positive: " + maxAccessUnitSize + ", " + maxNalsPerAccessUnit);
        }
        this.sink = sink;
        this.unit = new H264AccessUnitAssembly(maxAccessUnitSize, maxNalsPerAccessUnit);
    }

    @Override
    public void receive(RtpPacket packet) {
        receive(packet.sequenceNumber(), packet.timestamp(), packet.marker(), packet.buffer(), packet.payloadOffset(),
                packet.payloadLength());
    }

    /**
     * Takes one packet given by its header fields and its payload, {@code buf[offset, offset +
     * length)}, padding excluded; the buffer's indexes do not move.
     */
    public void receive(int sequenceNumber, int rtpTimestamp, boolean marker, ByteBuf buf, int offset, int length) {
        boolean first = sequence.isFirst();
        int lost = sequence.next(sequenceNumber);
        if (lost == SequenceContinuity.STALE) {
            counters.packetsStale++;
            return;
        }
        counters.packets++;
        if (lost > 0) {
            counters.packetsLost += lost;
            awaitingKeyframe = true;
            if (open) {
                damage(); // the lost packets may have been part of it
            }
        }
        if (open && rtpTimestamp != timestamp) {
            finish();
        }
        if (!open) {
            open = true;
            timestamp = rtpTimestamp;
            startUncertain = first || lost > 0;
        }
        depacketize(buf, offset, length);
        if (marker) {
            finish();
        }
    }

    private void depacketize(ByteBuf buf, int offset, int length) {
        if (length == 0) {
            malformed();
            return;
        }
        int type = H264Nal.type(buf.getByte(offset));
        switch (type) {
            case H264Nal.STAP_A -> {
                abandonFragment();
                aggregate(buf, offset + 1, offset + length);
            }
            case H264Nal.FU_A -> fragment(buf, offset, length);
            case H264Nal.STAP_B, H264Nal.MTAP16, H264Nal.MTAP24, H264Nal.FU_B -> {
                counters.packetsUnsupported++;
                abandonFragment();
                damage();
            }
            case 0, 30, 31 -> counters.packetsUnsupported++;
            default -> {
                abandonFragment();
                unit.add(buf, offset, length);
            }
        }
    }

    /**
     * STAP-A body (§5.7.1): one or more units of a 16-bit size and a NAL unit of that size. The
     * units must be H.264 NAL units, types 1 to 23: an aggregation packet or fragment inside one is
     * malformed, as is an undefined type 0.
     */
    private void aggregate(ByteBuf buf, int at, int end) {
        if (at == end) {
            malformed();
            return;
        }
        while (at < end) {
            int nalSize = end - at >= 2 ? buf.getUnsignedShort(at) : -1;
            if (nalSize <= 0 || nalSize > end - at - 2 || !isNalUnitType(H264Nal.type(buf.getByte(at + 2)))) {
                malformed();
                return;
            }
            unit.add(buf, at + 2, nalSize);
            at += 2 + nalSize;
        }
    }

    /** FU-A (§5.8): FU indicator, FU header, then a part of the NAL unit after its header. */
    private void fragment(ByteBuf buf, int offset, int length) {
        if (length < 2) {
            abandonFragment();
            malformed();
            return;
        }
        int indicator = buf.getUnsignedByte(offset);
        int header = buf.getUnsignedByte(offset + 1);
        int type = H264Nal.type(header);
        if (!isNalUnitType(type)) {
            abandonFragment();
            malformed(); // only NAL unit types 1..23 can be fragmented
            return;
        }
        if (unit.damaged()) {
            fragment.reset(); // the access unit is lost anyway: gather nothing more of it
            return;
        }
        if ((header & FU_START) != 0) {
            abandonFragment();
            fragment.start();
            fragment.append((indicator & 0xE0) | type);
            fragmentType = type;
        } else if (!fragment.active() || fragmentType != type) {
            abandonFragment();
            damage(); // a middle or end part whose start was lost
            return;
        }
        int part = length - 2;
        if (!unit.fits((long) fragment.length() + part, 0)) {
            fragment.reset();
            return;
        }
        fragment.append(buf, offset + 2, part);
        if ((header & FU_END) != 0) {
            unit.add(fragment.finish());
        }
    }

    /** H.264 NAL unit types that RTP carries (RFC 6184 §5.4, Table 3): 1 to 23. */
    private static boolean isNalUnitType(int type) {
        return type >= 1 && type < H264Nal.STAP_A;
    }

    /** An FU-A in progress that will never get its end. */
    private void abandonFragment() {
        if (fragment.active()) {
            fragment.reset();
            damage();
        }
    }

    private void malformed() {
        counters.packetsMalformed++;
        damage();
    }

    /** Marks the open access unit as lost: decoding must restart at an IDR. */
    private void damage() {
        unit.damage();
        awaitingKeyframe = true;
    }

    private void finish() {
        if (!open) {
            return;
        }
        open = false;
        abandonFragment();
        H264AccessUnit complete = null;
        if (unit.oversize()) {
            counters.framesOversize++;
        } else if (unit.damaged()) {
            counters.framesDamaged++;
        } else if (!unit.isEmpty()) {
            if (awaitingKeyframe && !(unit.hasIdr() && (!startUncertain || unit.startsAtFirstMacroblock()))) {
                counters.framesDroppedAwaitingKeyframe++;
            } else {
                awaitingKeyframe = false;
                counters.frames++;
                complete = unit.take(timestamp);
            }
        }
        awaitingKeyframe |= unit.damaged();
        unit.clear();
        if (complete != null) {
            sink.accept(complete);
        }
    }

    @Override
    public void flush() {
        finish();
    }

    @Override
    public boolean needsKeyframe() {
        return awaitingKeyframe || unit.damaged();
    }

    /** The latest SPS NAL unit received in band (a copy), or {@code null} before the first. */
    public byte[] latestSps() {
        return unit.latestSps() == null ? null : unit.latestSps().clone();
    }

    /** The latest PPS NAL unit received in band (a copy), or {@code null} before the first. */
    public byte[] latestPps() {
        return unit.latestPps() == null ? null : unit.latestPps().clone();
    }

    @Override
    public DepacketizerStats stats() {
        return counters.snapshot();
    }
}
