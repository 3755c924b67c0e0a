// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes AAC into RTP as {@code mpeg4-generic} in the AAC-hbr mode (RFC 3640 §3.3.6): each
 * payload is the AU Header Section, a 16-bit AU-headers-length in bits, then one 16-bit AU header
 * per access unit (13-bit AU-size, 3-bit AU-Index or AU-Index-delta), then the access units.
 *
 * <pre>
 * +---------+-----------+-----------+---------------+
 * | RTP     | AU Header | Auxiliary | Access Unit   |
 * | Header  | Section   | Section   | Data Section  |
 * +---------+-----------+-----------+---------------+   (§2.11; no auxiliary section here)
 * </pre>
 *
 * <p>Packing. Several access units given together share a packet while they fit and their
 * timestamps run on by one frame each: the RTP timestamp is that of the first access unit (§3.1)
 * and, without interleaving, the receiver counts on from it frame by frame (an AU-Index-delta of 0
 * means the next access unit in sequence, §3.2.1.1), so only such runs can be aggregated. The
 * AU-Index of the first header and every AU-Index-delta are 0: no interleaving (§3.2.3.2). An
 * access unit too large for one packet is fragmented (§3.2.3.1): every fragment carries one AU
 * header with the size of the whole access unit, all fragments share its timestamp, and only the
 * last has the M bit; §3.1 sets M on packets that carry "either the final fragment of a fragmented
 * Access Unit or one or more complete Access Units".
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class AacPacketizer implements RtpPacketizer<AacAccessUnit> {
    /** AU-size is 13 bits in AAC-hbr: no access unit may be longer. */
    public static final int MAX_ACCESS_UNIT_SIZE = (1 << AacFmtp.SIZE_LENGTH) - 1;
    /** Octets of the AU-headers-length field. */
    static final int HEADERS_LENGTH_FIELD = 2;
    /** Octets of one AAC-hbr AU header. */
    static final int AU_HEADER = (AacFmtp.SIZE_LENGTH + AacFmtp.INDEX_LENGTH) / 8;

    private final RtpPacketWriter writer;
    private final int samplesPerAccessUnit;

    /**
     * @param samplesPerAccessUnit RTP timestamp ticks per access unit: 1024 for AAC-LC
     *                             ({@link AudioSpecificConfig#samplesPerFrame()}), when the RTP
     *                             clock is the sampling rate
     */
    public AacPacketizer(PacketizerConfig config, int samplesPerAccessUnit) {
        if (samplesPerAccessUnit < 1) {
            throw new IllegalArgumentException("samples per access unit must be positive: " + samplesPerAccessUnit);
        }
        this.writer = new RtpPacketWriter(config);
        this.samplesPerAccessUnit = samplesPerAccessUnit;
    }

    /** One access unit: one packet, or its fragments. */
    @Override
    public List<byte[]> packetize(AacAccessUnit accessUnit) {
        return packetize(List.of(accessUnit));
    }

    /**
     * Access units in order; consecutive ones are aggregated as described above.
     *
     * @throws IllegalArgumentException when an access unit is empty or longer than
     *     {@value #MAX_ACCESS_UNIT_SIZE} octets
     */
    public List<byte[]> packetize(List<AacAccessUnit> accessUnits) {
        for (AacAccessUnit unit : accessUnits) {
            if (unit.data().length == 0 || unit.data().length > MAX_ACCESS_UNIT_SIZE) {
                throw new IllegalArgumentException("an AAC-hbr access unit is 1.." + MAX_ACCESS_UNIT_SIZE
                        + " octets: " + unit.data().length);
            }
        }
        List<byte[]> packets = new ArrayList<>();
        int maxPayload = writer.maxPayloadSize();
        int i = 0;
        while (i < accessUnits.size()) {
            AacAccessUnit first = accessUnits.get(i);
            if (HEADERS_LENGTH_FIELD + AU_HEADER + first.data().length > maxPayload) {
                fragment(first, packets);
                i++;
                continue;
            }
            int size = HEADERS_LENGTH_FIELD + AU_HEADER + first.data().length;
            int end = i + 1;
            while (end < accessUnits.size() && follows(accessUnits.get(end), first, end - i)
                    && size + AU_HEADER + accessUnits.get(end).data().length <= maxPayload) {
                size += AU_HEADER + accessUnits.get(end).data().length;
                end++;
            }
            packets.add(aggregate(accessUnits.subList(i, end), size));
            i = end;
        }
        return packets;
    }

    /** Whether {@code unit} is the {@code n}-th frame after {@code first}, by timestamp. */
    private boolean follows(AacAccessUnit unit, AacAccessUnit first, int n) {
        return unit.rtpTimestamp() == first.rtpTimestamp() + n * samplesPerAccessUnit;
    }

    private byte[] aggregate(List<AacAccessUnit> units, int size) {
        byte[] packet = writer.allocate(size, units.get(0).rtpTimestamp(), true);
        int at = writeHeadersLength(packet, units.size());
        for (AacAccessUnit unit : units) {
            at = writeHeader(packet, at, unit.data().length);
        }
        for (AacAccessUnit unit : units) {
            System.arraycopy(unit.data(), 0, packet, at, unit.data().length);
            at += unit.data().length;
        }
        return packet;
    }

    /** §3.2.3.1: near-equal parts, each after an AU header giving the whole access unit's size. */
    private void fragment(AacAccessUnit unit, List<byte[]> packets) {
        byte[] data = unit.data();
        int maxPart = writer.maxPayloadSize() - HEADERS_LENGTH_FIELD - AU_HEADER;
        int parts = (data.length + maxPart - 1) / maxPart;
        int base = data.length / parts;
        int longer = data.length % parts;
        int from = 0;
        for (int part = 0; part < parts; part++) {
            int length = base + (part < longer ? 1 : 0);
            byte[] packet = writer.allocate(HEADERS_LENGTH_FIELD + AU_HEADER + length, unit.rtpTimestamp(),
                    part == parts - 1);
            int at = writeHeader(packet, writeHeadersLength(packet, 1), data.length);
            System.arraycopy(data, from, packet, at, length);
            from += length;
            packets.add(packet);
        }
    }

    /** AU-headers-length: the AU headers' size in bits, padding excluded (§3.2.1). */
    private static int writeHeadersLength(byte[] packet, int headers) {
        int bits = 8 * AU_HEADER * headers;
        packet[RtpPacketWriter.HEADER_LENGTH] = (byte) (bits >>> 8);
        packet[RtpPacketWriter.HEADER_LENGTH + 1] = (byte) bits;
        return RtpPacketWriter.HEADER_LENGTH + HEADERS_LENGTH_FIELD;
    }

    /** AU-size in the top 13 bits, AU-Index (or -delta) 0 in the low 3. */
    private static int writeHeader(byte[] packet, int at, int auSize) {
        int header = auSize << AacFmtp.INDEX_LENGTH;
        packet[at] = (byte) (header >>> 8);
        packet[at + 1] = (byte) header;
        return at + AU_HEADER;
    }

    @Override
    public int nextSequenceNumber() {
        return writer.nextSequenceNumber();
    }
}
