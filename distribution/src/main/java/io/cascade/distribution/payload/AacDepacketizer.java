// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * The receive side of {@link AacPacketizer}: RFC 3640 AAC-hbr payloads back into access units,
 * each with its own timestamp (the packet's for the first, then one frame more for each next one,
 * §3.1 and §3.2.1.1).
 *
 * <p>A payload whose single AU header announces more octets than the packet holds is a fragment
 * (§3.2.3.1). Fragments of one access unit share timestamp and AU-size; the unit is complete when
 * the octets gathered reach AU-size. Anything else (a sequence gap, a fragment that does not
 * continue the one in progress, an M bit before the unit is complete, complete access units while
 * a fragment is pending) drops the unit in progress; after a gap, the rest of a dropped unit is
 * skipped quietly rather than counted again. AAC has no inter-frame prediction, so nothing else is
 * dropped: a decoder conceals the missing frame.
 *
 * <p>Interleaving (a non-zero AU-Index or AU-Index-delta, §3.2.3.2) is not supported: such
 * packets are counted as unsupported and dropped. An AU header announcing 0 octets carries
 * nothing and is skipped; octets after the last access unit are ignored.
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class AacDepacketizer implements RtpDepacketizer {
    private static final int INDEX_MASK = (1 << AacFmtp.INDEX_LENGTH) - 1;

    private final Consumer<? super AacAccessUnit> sink;
    private final int samplesPerAccessUnit;
    private final SequenceContinuity sequence = new SequenceContinuity();
    private final DepacketizerCounters counters = new DepacketizerCounters();
    private final FragmentBuffer fragment = new FragmentBuffer();
    private int fragmentTimestamp;
    private int fragmentSize;
    private boolean skipping;

    /**
     * @param samplesPerAccessUnit RTP timestamp ticks per access unit: 1024 for AAC-LC
     *                             ({@link AudioSpecificConfig#samplesPerFrame()})
     */
    public AacDepacketizer(Consumer<? super AacAccessUnit> sink, int samplesPerAccessUnit) {
        if (samplesPerAccessUnit < 1) {
            throw new IllegalArgumentException("samples per access unit must be positive: " + samplesPerAccessUnit);
        }
        this.sink = sink;
        this.samplesPerAccessUnit = samplesPerAccessUnit;
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
        int lost = sequence.next(sequenceNumber);
        if (lost == SequenceContinuity.STALE) {
            counters.packetsStale++;
            return;
        }
        counters.packets++;
        if (lost > 0) {
            counters.packetsLost += lost;
            if (fragment.active()) {
                skipping = true; // its remaining fragments are not a new unit
            }
            dropFragment();
        }
        int headerBits = length >= AacPacketizer.HEADERS_LENGTH_FIELD ? buf.getUnsignedShort(offset) : 0;
        int headers = headerBits / (8 * AacPacketizer.AU_HEADER);
        int dataAt = AacPacketizer.HEADERS_LENGTH_FIELD + headers * AacPacketizer.AU_HEADER;
        if (headers == 0 || headerBits % (8 * AacPacketizer.AU_HEADER) != 0 || dataAt > length) {
            counters.packetsMalformed++;
            dropFragment();
            return;
        }
        int firstSize = buf.getUnsignedShort(offset + 2) >>> AacFmtp.INDEX_LENGTH;
        if (headers == 1 && firstSize > length - dataAt) {
            continueFragment(rtpTimestamp, marker, firstSize, buf, offset + dataAt, length - dataAt);
            return;
        }
        skipping = false;
        dropFragment();
        readAccessUnits(rtpTimestamp, buf, offset, headers, offset + dataAt, offset + length);
    }

    /** One or more complete access units after {@code headers} AU headers. */
    private void readAccessUnits(int rtpTimestamp, ByteBuf buf, int offset, int headers, int dataAt, int end) {
        int total = 0;
        for (int i = 0; i < headers; i++) {
            int header = buf.getUnsignedShort(offset + 2 + AacPacketizer.AU_HEADER * i);
            if ((header & INDEX_MASK) != 0) {
                counters.packetsUnsupported++;
                return;
            }
            total += header >>> AacFmtp.INDEX_LENGTH;
        }
        if (total > end - dataAt) {
            counters.packetsMalformed++;
            return;
        }
        int at = dataAt;
        for (int i = 0; i < headers; i++) {
            int size = buf.getUnsignedShort(offset + 2 + AacPacketizer.AU_HEADER * i) >>> AacFmtp.INDEX_LENGTH;
            if (size > 0) {
                byte[] data = new byte[size];
                buf.getBytes(at, data);
                at += size;
                emit(rtpTimestamp + i * samplesPerAccessUnit, data);
            }
        }
    }

    /** A fragment (§3.2.3.1): the start of a unit, or the next part of the one in progress. */
    private void continueFragment(int rtpTimestamp, boolean marker, int auSize, ByteBuf buf, int at, int count) {
        boolean continues = fragment.active() && rtpTimestamp == fragmentTimestamp && auSize == fragmentSize;
        if (!continues) {
            if (skipping && rtpTimestamp == fragmentTimestamp && auSize == fragmentSize) {
                skipping = !marker;
                return;
            }
            skipping = false;
            dropFragment();
            if ((buf.getUnsignedShort(at - AacPacketizer.AU_HEADER) & INDEX_MASK) != 0) {
                counters.packetsUnsupported++;
                return;
            }
            fragment.start();
            fragmentTimestamp = rtpTimestamp;
            fragmentSize = auSize;
        }
        if (fragment.length() + count > auSize) {
            dropFragment();
            return;
        }
        fragment.append(buf, at, count);
        if (fragment.length() == auSize) {
            emit(rtpTimestamp, fragment.finish());
        } else if (marker) {
            dropFragment(); // the last fragment came, yet octets are missing: a middle one was lost
        }
    }

    /** Drops the unit in progress, if any, as damaged; keeps its timestamp and size for skipping. */
    private void dropFragment() {
        if (fragment.active()) {
            fragment.reset();
            counters.framesDamaged++;
        }
    }

    private void emit(int rtpTimestamp, byte[] data) {
        counters.frames++;
        sink.accept(new AacAccessUnit(rtpTimestamp, data));
    }

    /** A unit still in fragments is incomplete and dropped. */
    @Override
    public void flush() {
        dropFragment();
        skipping = false;
    }

    @Override
    public boolean needsKeyframe() {
        return false;
    }

    @Override
    public DepacketizerStats stats() {
        return counters.snapshot();
    }
}
