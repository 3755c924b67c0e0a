// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.cascade.distribution.rtp.RtpSequence;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Generic NACK (RFC 4585 §6.2.1): transport-layer feedback, PT 205 (RTPFB) with FMT 1, asking
 * the sender of {@code mediaSsrc} to retransmit the listed sequence numbers.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |   PT=205      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :            one or more PID/BLP entries (NackPair)             :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  SSRC of the media source the losses are on
 * @param pairs      one or more FCI entries ("MUST contain at least one", §6.2.1)
 */
public record GenericNack(int senderSsrc, int mediaSsrc, List<NackPair> pairs) implements RtcpPacket {
    /** FMT value of a Generic NACK in an RTPFB packet. */
    public static final int FORMAT = 1;

    public GenericNack {
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a Generic NACK carries at least one PID/BLP entry");
        }
        if (8 + 4 * pairs.size() > 0xFFFF * 4) {
            throw new IllegalArgumentException("too many entries for one RTCP packet: " + pairs.size());
        }
    }

    /**
     * Builds the entries for a set of lost sequence numbers. A number within 16 after the current
     * entry's PID goes into its BLP, otherwise it starts a new entry; duplicates are absorbed.
     * Any order is correct; ascending order (in wrap-around terms, as a receiver finds the gaps)
     * gives the fewest entries.
     *
     * @throws IllegalArgumentException when {@code lost} is empty or holds a number outside 0..65535
     */
    public static GenericNack of(int senderSsrc, int mediaSsrc, int... lost) {
        List<NackPair> pairs = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lost) {
            if (seq < 0 || seq > 0xFFFF) {
                throw new IllegalArgumentException("sequence numbers are 0..65535: " + seq);
            }
            int offset = pid < 0 ? -1 : RtpSequence.forwardDistance(pid, seq);
            if (offset >= 1 && offset < NackPair.SPAN) {
                blp |= 1 << (offset - 1);
            } else if (offset != 0) {
                if (pid >= 0) {
                    pairs.add(new NackPair(pid, blp));
                }
                pid = seq;
                blp = 0;
            }
        }
        if (pid >= 0) {
            pairs.add(new NackPair(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, pairs);
    }

    /**
     * Decodes the body of an RTPFB packet with FMT 1 (padding removed).
     *
     * @throws RtcpFormatException {@code length} when the two SSRCs do not fit, {@code fci} when
     *     there is no entry or the FCI is not whole entries
     */
    public static GenericNack decode(ByteBuf body) {
        if (body.readableBytes() < 8) {
            throw new RtcpFormatException("length", "feedback body shorter than its two SSRCs");
        }
        int sender = body.readInt();
        int media = body.readInt();
        if (!body.isReadable() || body.readableBytes() % 4 != 0) {
            throw new RtcpFormatException("fci", "Generic NACK needs one or more 4-octet entries, got "
                    + body.readableBytes() + " octets");
        }
        List<NackPair> pairs = new ArrayList<>(body.readableBytes() / 4);
        while (body.isReadable()) {
            pairs.add(new NackPair(body.readUnsignedShort(), body.readUnsignedShort()));
        }
        return new GenericNack(sender, media, pairs);
    }

    /** Calls {@code consumer} with every lost sequence number, entry by entry. */
    public void forEachLost(IntConsumer consumer) {
        pairs.forEach(pair -> pair.forEachLost(consumer));
    }

    /**
     * Every lost sequence number, entry by entry. A sender that wrote overlapping entries gets
     * the overlap twice; a retransmitter skips what it just sent anyway.
     */
    public int[] lostSequenceNumbers() {
        int count = 0;
        for (NackPair pair : pairs) {
            count += pair.lostCount();
        }
        int[] lost = new int[count];
        int[] next = {0};
        forEachLost(seq -> lost[next[0]++] = seq);
        return lost;
    }

    @Override
    public int packetType() {
        return RtcpPacketType.RTPFB.code();
    }

    @Override
    public int countOrFormat() {
        return FORMAT;
    }

    @Override
    public int bodyLength() {
        return 8 + 4 * pairs.size();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(senderSsrc);
        out.writeInt(mediaSsrc);
        for (NackPair pair : pairs) {
            out.writeShort(pair.packetId());
            out.writeShort(pair.bitmask());
        }
    }
}
