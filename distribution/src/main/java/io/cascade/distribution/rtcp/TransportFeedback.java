// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): RTPFB (PT 205) with FMT 15. The receiver reports, for every transport-wide sequence
 * number from {@code baseSequence} on, whether the packet arrived and when, so the sender can
 * estimate the path's bandwidth (Google Congestion Control, the estimator Chromium runs).
 *
 * <pre>
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * |                     SSRC of packet sender                     |
 * |                      SSRC of media source                     |
 * |      base sequence number     |      packet status count      |
 * |                 reference time                | fb pkt. count |
 * |          packet chunk         |         packet chunk          |  ...
 * |         recv delta            |  recv delta   | zero padding  |  ...
 * </pre>
 *
 * Status symbols (§3.1.1): 0 not received, 1 received with a small delta (one octet, 0..63.75 ms),
 * 2 received with a large or negative delta (two octets, signed). Deltas are in 250 µs units, the
 * first relative to the reference time (a signed 24-bit count of 64 ms units), each next relative
 * to the previous received packet. Chunks (§3.1.3, §3.1.4): a run-length chunk (T=0, symbol,
 * 13-bit run) or a status vector chunk (T=1, S=1: seven 2-bit symbols). We write run-length chunks
 * for runs of 14 or more and two-bit vectors otherwise; we read all three kinds.
 *
 * @param senderSsrc    SSRC of the packet sender
 * @param mediaSsrc     SSRC of the media source (senders ignore it; we put the first media SSRC)
 * @param baseSequence  the first transport-wide sequence number described, 0..65535
 * @param referenceTime 24-bit signed count of 64 ms units
 * @param feedbackCount 8-bit counter of feedback packets sent, so the sender can spot lost ones
 * @param symbols       one status symbol (0, 1, 2) per packet from the base sequence on
 * @param deltas        one receive delta in 250 µs units per received packet, in order
 */
public record TransportFeedback(int senderSsrc, int mediaSsrc, int baseSequence, int referenceTime,
                                int feedbackCount, byte[] symbols, int[] deltas) implements RtcpPacket {
    /** FMT of transport-wide CC feedback in an RTPFB packet. */
    public static final int FORMAT = 15;
    /** The largest packet status count a 16-bit field and the 13-bit runs allow us to write. */
    public static final int MAX_STATUS = 0xFFFF;
    public static final int NOT_RECEIVED = 0;
    public static final int SMALL_DELTA = 1;
    public static final int LARGE_DELTA = 2;
    /** Microseconds per delta unit and per reference time unit. */
    public static final int DELTA_US = 250;
    public static final int REFERENCE_US = 64_000;

    public TransportFeedback {
        symbols = symbols.clone();
        deltas = deltas.clone();
        if (symbols.length == 0 || symbols.length > MAX_STATUS) {
            throw new IllegalArgumentException("packet status count must be 1..65535: " + symbols.length);
        }
        int received = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] < NOT_RECEIVED || symbols[i] > LARGE_DELTA) {
                throw new IllegalArgumentException("status symbol " + i + " must be 0, 1 or 2: " + symbols[i]);
            }
            if (symbols[i] != NOT_RECEIVED) {
                int d = deltas.length > received ? deltas[received] : 0;
                boolean fits = symbols[i] == SMALL_DELTA ? d >= 0 && d <= 0xFF : d >= Short.MIN_VALUE && d <= Short.MAX_VALUE;
                if (!fits) {
                    throw new IllegalArgumentException("delta " + received + " does not fit symbol " + symbols[i] + ": " + d);
                }
                received++;
            }
        }
        if (received != deltas.length) {
            throw new IllegalArgumentException(received + " received packets but " + deltas.length + " deltas");
        }
        if (baseSequence < 0 || baseSequence > 0xFFFF || feedbackCount < 0 || feedbackCount > 0xFF) {
            throw new IllegalArgumentException("base sequence is 16 bits, feedback count 8 bits");
        }
        if (referenceTime < -(1 << 23) || referenceTime >= (1 << 23)) {
            throw new IllegalArgumentException("reference time is 24 bits signed: " + referenceTime);
        }
    }

    @Override
    public int packetType() {
        return 205;
    }

    @Override
    public int countOrFormat() {
        return FORMAT;
    }

    /** Octets of the body before RTCP padding. */
    private int unpaddedLength() {
        int length = 16 + 2 * chunkCount();
        for (byte s : symbols) {
            length += s; // small delta: 1 octet, large: 2, none: 0
        }
        return length;
    }

    @Override
    public int bodyLength() {
        return (unpaddedLength() + 3) & ~3;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(senderSsrc);
        out.writeInt(mediaSsrc);
        out.writeShort(baseSequence);
        out.writeShort(symbols.length);
        out.writeMedium(referenceTime & 0xFFFFFF);
        out.writeByte(feedbackCount);
        for (int i = 0; i < symbols.length; ) {
            int run = runLength(i);
            if (run >= 14) {
                out.writeShort((symbols[i] << 13) | run); // T=0 | S | run length
                i += run;
            } else {
                int chunk = 0xC000; // T=1, S=1: seven two-bit symbols
                for (int k = 0; k < 7; k++) {
                    int s = i + k < symbols.length ? symbols[i + k] : NOT_RECEIVED;
                    chunk |= s << (12 - 2 * k);
                }
                out.writeShort(chunk);
                i += 7;
            }
        }
        int d = 0;
        for (byte s : symbols) {
            if (s == SMALL_DELTA) {
                out.writeByte(deltas[d++]);
            } else if (s == LARGE_DELTA) {
                out.writeShort(deltas[d++]);
            }
        }
        // zero padding to a 32-bit boundary inside the FCI (§3.1), not RTCP padding: RFC 3550 §6.4.1
        // wants that in multiples of four, which a packet of whole words never needs
        out.writeZero(bodyLength() - (out.writerIndex() - start));
    }

    private int chunkCount() {
        int chunks = 0;
        for (int i = 0; i < symbols.length; chunks++) {
            int run = runLength(i);
            i += run >= 14 ? run : 7;
        }
        return chunks;
    }

    private int runLength(int from) {
        int run = 1;
        while (from + run < symbols.length && symbols[from + run] == symbols[from] && run < 0x1FFF) {
            run++;
        }
        return run;
    }

    /**
     * Reads a body (padding already removed by the compound reader).
     *
     * @throws RtcpFormatException naming the field that does not fit
     */
    public static TransportFeedback decode(ByteBuf body) {
        if (body.readableBytes() < 16) {
            throw new RtcpFormatException("transport-cc", "needs 16 octets before the chunks, has " + body.readableBytes());
        }
        int sender = body.readInt();
        int media = body.readInt();
        int base = body.readUnsignedShort();
        int count = body.readUnsignedShort();
        int reference = body.readMedium(); // sign-extended, as the field is signed
        int fbCount = body.readUnsignedByte();
        if (count == 0) {
            throw new RtcpFormatException("packet status count", "is 0");
        }
        byte[] symbols = new byte[count];
        int n = 0;
        while (n < count) {
            if (body.readableBytes() < 2) {
                throw new RtcpFormatException("packet chunk", "missing after " + n + " of " + count + " statuses");
            }
            int chunk = body.readUnsignedShort();
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >> 13) & 0x3;
                int run = chunk & 0x1FFF;
                if (symbol > LARGE_DELTA) {
                    throw new RtcpFormatException("packet chunk", "run of reserved symbol 3");
                }
                for (int k = 0; k < run && n < count; k++) {
                    symbols[n++] = (byte) symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int k = 0; k < 14 && n < count; k++) {
                    symbols[n++] = (byte) ((chunk >> (13 - k)) & 0x1);
                }
            } else {
                for (int k = 0; k < 7 && n < count; k++) {
                    int s = (chunk >> (12 - 2 * k)) & 0x3;
                    if (s > LARGE_DELTA) {
                        throw new RtcpFormatException("packet chunk", "reserved symbol 3");
                    }
                    symbols[n++] = (byte) s;
                }
            }
        }
        int[] deltas = new int[count];
        int d = 0;
        for (byte s : symbols) {
            if (s == SMALL_DELTA) {
                if (!body.isReadable()) {
                    throw new RtcpFormatException("recv delta", "missing small delta " + d);
                }
                deltas[d++] = body.readUnsignedByte();
            } else if (s == LARGE_DELTA) {
                if (body.readableBytes() < 2) {
                    throw new RtcpFormatException("recv delta", "missing large delta " + d);
                }
                deltas[d++] = body.readShort();
            }
        }
        body.skipBytes(body.readableBytes()); // zero padding inside the FCI
        return new TransportFeedback(sender, media, base, reference, fbCount, symbols, Arrays.copyOf(deltas, d));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportFeedback t && t.senderSsrc == senderSsrc && t.mediaSsrc == mediaSsrc
                && t.baseSequence == baseSequence && t.referenceTime == referenceTime
                && t.feedbackCount == feedbackCount && Arrays.equals(t.symbols, symbols) && Arrays.equals(t.deltas, deltas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(symbols) + Arrays.hashCode(deltas) + baseSequence;
    }

    @Override
    public String toString() {
        return "TransportFeedback[base=" + baseSequence + ", count=" + symbols.length + ", ref=" + referenceTime
                + ", fb=" + feedbackCount + "]";
    }
}
