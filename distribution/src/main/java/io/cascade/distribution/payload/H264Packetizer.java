// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes H.264 access units into RTP, RFC 6184 packetization-mode 1 (non-interleaved,
 * §6.3): single NAL unit packets (§5.6), STAP-A (§5.7.1) and FU-A (§5.8), each whole packet at
 * most {@link PacketizerConfig#maxPacketSize()} octets.
 *
 * <p>How NAL units are packed, in decoding order (§5.4 requires transmission in decoding order
 * in this mode):
 * <ul>
 *   <li>a NAL unit larger than the payload limit goes out as FU-A fragments, cut into near-equal
 *       parts (the first ones one octet longer) rather than full parts and a runt, as libwebrtc
 *       does: the same packet count, less variance in size;
 *   <li>consecutive NAL units that fit together go out as one STAP-A (typically SPS, PPS, SEI and
 *       small slices), its NRI the largest of theirs and its F bit their OR (§5.7.1);
 *   <li>any other NAL unit goes out alone in a single NAL unit packet.
 * </ul>
 * The M bit is set on the last packet of the access unit (§5.1). Empty NAL units are skipped.
 *
 * <p>Parameter sets. The relay fabric has no SDP between tiers, so a viewer joining at a keyframe
 * must find the SPS and PPS in band. With {@code repeatParameterSets} (the default) the
 * packetizer remembers the latest SPS and PPS it saw (in an access unit, or given from the avcC of
 * an RTMP sequence header) and puts them before the slices of every IDR access unit that lacks
 * them, after any access unit delimiter, where they end up in a STAP-A.
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class H264Packetizer implements RtpPacketizer<H264AccessUnit> {
    /** RFC 6184 §8.2.1: the RTP clock rate of H.264 is 90 kHz. */
    public static final int CLOCK_RATE = 90_000;
    /** Octets of the STAP-A NAL header. */
    private static final int STAP_A_HEADER = 1;
    /** Octets of the size field before each NAL unit in a STAP-A. */
    private static final int STAP_A_SIZE = 2;
    /** Octets of FU indicator plus FU header. */
    private static final int FU_A_HEADER = 2;
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;

    private final RtpPacketWriter writer;
    private final boolean repeatParameterSets;
    private List<byte[]> sps = List.of();
    private List<byte[]> pps = List.of();
    private long keyframesWithoutParameterSets;

    /** A packetizer that repeats parameter sets before IDR access units. */
    public H264Packetizer(PacketizerConfig config) {
        this(config, true);
    }

    /**
     * @param repeatParameterSets whether to insert the latest SPS and PPS before IDR access units
     *                            that lack them
     */
    public H264Packetizer(PacketizerConfig config, boolean repeatParameterSets) {
        this.writer = new RtpPacketWriter(config);
        this.repeatParameterSets = repeatParameterSets;
    }

    /** Sets the parameter sets to repeat, e.g. from an RTMP AVC sequence header. */
    public void setParameterSets(AvcDecoderConfigurationRecord record) {
        setParameterSets(record.sequenceParameterSets(), record.pictureParameterSets());
    }

    /** Sets the parameter sets to repeat; the arrays are kept, not copied. */
    public void setParameterSets(List<byte[]> sequenceParameterSets, List<byte[]> pictureParameterSets) {
        this.sps = List.copyOf(sequenceParameterSets);
        this.pps = List.copyOf(pictureParameterSets);
    }

    @Override
    public List<byte[]> packetize(H264AccessUnit accessUnit) {
        return packetize(accessUnit.rtpTimestamp(), accessUnit.nals());
    }

    /**
     * The packets of one access unit: NAL units in decoding order, without start codes or
     * length prefixes (see {@link H264Nal#splitAnnexB} and {@link H264Nal#splitAvcc}).
     */
    public List<byte[]> packetize(int rtpTimestamp, List<byte[]> nals) {
        List<byte[]> units = withParameterSets(nals);
        List<byte[]> packets = new ArrayList<>();
        int maxPayload = writer.maxPayloadSize();
        int i = 0;
        while (i < units.size()) {
            byte[] nal = units.get(i);
            if (nal.length == 0) {
                i++;
            } else if (nal.length > maxPayload) {
                fragment(nal, rtpTimestamp, packets);
                i++;
            } else {
                int end = aggregateEnd(units, i);
                if (end - i >= 2) {
                    packets.add(aggregate(units, i, end, rtpTimestamp));
                    i = end;
                } else {
                    byte[] packet = writer.allocate(nal.length, rtpTimestamp, false);
                    System.arraycopy(nal, 0, packet, RtpPacketWriter.HEADER_LENGTH, nal.length);
                    packets.add(packet);
                    i++;
                }
            }
        }
        if (!packets.isEmpty()) {
            RtpPacketWriter.setMarker(packets.get(packets.size() - 1));
        }
        return packets;
    }

    /** End (exclusive) of the run of non-empty NAL units from {@code from} that fit one STAP-A. */
    private int aggregateEnd(List<byte[]> units, int from) {
        int size = STAP_A_HEADER;
        int end = from;
        while (end < units.size() && units.get(end).length > 0
                && size + STAP_A_SIZE + units.get(end).length <= writer.maxPayloadSize()) {
            size += STAP_A_SIZE + units.get(end).length;
            end++;
        }
        return end;
    }

    /** RFC 6184 §5.7.1, Figure 7: STAP-A header, then per NAL unit a 16-bit size and the unit. */
    private byte[] aggregate(List<byte[]> units, int from, int end, int rtpTimestamp) {
        int size = STAP_A_HEADER;
        int forbidden = 0;
        int nri = 0;
        for (int i = from; i < end; i++) {
            byte[] nal = units.get(i);
            size += STAP_A_SIZE + nal.length;
            forbidden |= nal[0] & 0x80;
            nri = Math.max(nri, nal[0] & 0x60);
        }
        byte[] packet = writer.allocate(size, rtpTimestamp, false);
        int at = RtpPacketWriter.HEADER_LENGTH;
        packet[at++] = (byte) (forbidden | nri | H264Nal.STAP_A);
        for (int i = from; i < end; i++) {
            byte[] nal = units.get(i);
            packet[at++] = (byte) (nal.length >>> 8);
            packet[at++] = (byte) nal.length;
            System.arraycopy(nal, 0, packet, at, nal.length);
            at += nal.length;
        }
        return packet;
    }

    /**
     * RFC 6184 §5.8, Figures 14 and 15: FU indicator (F and NRI of the NAL unit, type 28), FU
     * header (S, E, R = 0, the NAL unit's type), then a part of the NAL unit after its header.
     * The unit is larger than one payload, so there are always two parts or more and no FU has
     * both S and E set.
     */
    private void fragment(byte[] nal, int rtpTimestamp, List<byte[]> packets) {
        int body = nal.length - 1;
        int maxPart = writer.maxPayloadSize() - FU_A_HEADER;
        int parts = (body + maxPart - 1) / maxPart;
        int base = body / parts;
        int longer = body % parts;
        int indicator = (nal[0] & 0xE0) | H264Nal.FU_A;
        int at = 1;
        for (int part = 0; part < parts; part++) {
            int length = base + (part < longer ? 1 : 0);
            int header = (part == 0 ? FU_START : 0) | (part == parts - 1 ? FU_END : 0) | H264Nal.type(nal[0]);
            byte[] packet = writer.allocate(FU_A_HEADER + length, rtpTimestamp, false);
            packet[RtpPacketWriter.HEADER_LENGTH] = (byte) indicator;
            packet[RtpPacketWriter.HEADER_LENGTH + 1] = (byte) header;
            System.arraycopy(nal, at, packet, RtpPacketWriter.HEADER_LENGTH + FU_A_HEADER, length);
            at += length;
            packets.add(packet);
        }
    }

    /**
     * Learns the access unit's parameter sets, and for an IDR access unit that lacks them puts the
     * remembered ones after the leading AUD and parameter sets, before SEI and slices.
     */
    private List<byte[]> withParameterSets(List<byte[]> nals) {
        List<byte[]> ownSps = ofType(nals, H264Nal.SPS);
        List<byte[]> ownPps = ofType(nals, H264Nal.PPS);
        if (!ownSps.isEmpty()) {
            sps = ownSps;
        }
        if (!ownPps.isEmpty()) {
            pps = ownPps;
        }
        boolean missingSps = ownSps.isEmpty();
        boolean missingPps = ownPps.isEmpty();
        if (!repeatParameterSets || !H264Nal.containsIdr(nals) || (!missingSps && !missingPps)) {
            return nals;
        }
        if ((missingSps && sps.isEmpty()) || (missingPps && pps.isEmpty())) {
            keyframesWithoutParameterSets++;
        }
        int at = 0;
        while (at < nals.size() && isAudOrParameterSet(H264Nal.type(nals.get(at)))) {
            at++;
        }
        List<byte[]> units = new ArrayList<>(nals.size() + sps.size() + pps.size());
        units.addAll(nals.subList(0, at));
        if (missingSps) {
            units.addAll(sps);
        }
        if (missingPps) {
            units.addAll(pps);
        }
        units.addAll(nals.subList(at, nals.size()));
        return units;
    }

    private static boolean isAudOrParameterSet(int type) {
        return type == H264Nal.AUD || type == H264Nal.SPS || type == H264Nal.PPS;
    }

    private static List<byte[]> ofType(List<byte[]> nals, int type) {
        List<byte[]> found = List.of();
        for (byte[] nal : nals) {
            if (H264Nal.type(nal) == type) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(2);
                }
                found.add(nal);
            }
        }
        return found;
    }

    @Override
    public int nextSequenceNumber() {
        return writer.nextSequenceNumber();
    }

    /**
     * IDR access units that lacked an SPS or PPS when none had been seen to repeat: a viewer
     * joining there cannot decode until parameter sets come.
     */
    public long keyframesWithoutParameterSets() {
        return keyframesWithoutParameterSets;
    }
}
