// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * H.264 NAL units (ISO/IEC 14496-10 §7.3.1) as byte arrays: the one-octet header, the type
 * numbers this package needs, and the two framings NAL units travel in outside RTP: the Annex B
 * byte stream (start codes; raw {@code .h264} files, MPEG-TS) and length prefixes (the AVCC
 * form of ISO/IEC 14496-15 §5.3.4.2, used by MP4 and by RTMP/FLV). Neither framing touches the
 * emulation prevention bytes inside a NAL unit; {@link #toRbsp} removes them where a parser needs
 * the raw bits.
 *
 * <pre>
 * +---------------+
 * |0|1|2|3|4|5|6|7|
 * +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type   |   forbidden_zero_bit, nal_ref_idc, nal_unit_type
 * +---------------+
 * </pre>
 *
 * <p>Types 24 to 29 are not H.264 NAL unit types but RTP packet types that reuse the type field
 * (RFC 6184 §5.2, Table 1); 0, 30 and 31 are unspecified in both.
 */
public final class H264Nal {
    /** Coded slice of a non-IDR picture. */
    public static final int SLICE = 1;
    /** Coded slice of an IDR picture: decoding can start here. */
    public static final int IDR = 5;
    /** Supplemental enhancement information. */
    public static final int SEI = 6;
    /** Sequence parameter set. */
    public static final int SPS = 7;
    /** Picture parameter set. */
    public static final int PPS = 8;
    /** Access unit delimiter. */
    public static final int AUD = 9;
    /** RFC 6184 §5.7.1: single-time aggregation packet, no DON. */
    public static final int STAP_A = 24;
    /** RFC 6184 §5.7.1: single-time aggregation packet with DON (interleaved mode only). */
    public static final int STAP_B = 25;
    /** RFC 6184 §5.7.2: multi-time aggregation packet, 16-bit timestamp offsets. */
    public static final int MTAP16 = 26;
    /** RFC 6184 §5.7.2: multi-time aggregation packet, 24-bit timestamp offsets. */
    public static final int MTAP24 = 27;
    /** RFC 6184 §5.8: fragmentation unit without DON. */
    public static final int FU_A = 28;
    /** RFC 6184 §5.8: fragmentation unit with DON (interleaved mode only). */
    public static final int FU_B = 29;

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private H264Nal() {
    }

    /** nal_unit_type of a header octet. */
    public static int type(int header) {
        return header & 0x1F;
    }

    /** nal_unit_type of a NAL unit; -1 for an empty array. */
    public static int type(byte[] nal) {
        return nal.length == 0 ? -1 : type(nal[0]);
    }

    /** nal_ref_idc of a header octet, 0..3: 0 means no other picture refers to this one. */
    public static int nri(int header) {
        return (header >>> 5) & 0x03;
    }

    /** Whether the type is a coded slice (VCL NAL unit types 1 to 5, §7.4.1.2.3). */
    public static boolean isVcl(int type) {
        return type >= SLICE && type <= IDR;
    }

    /** Whether any of the NAL units is a slice of an IDR picture. */
    public static boolean containsIdr(List<byte[]> nals) {
        return contains(nals, IDR);
    }

    /** Whether any of the NAL units has this type. */
    public static boolean contains(List<byte[]> nals, int type) {
        for (byte[] nal : nals) {
            if (type(nal) == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits an Annex B byte stream (§B.2) into NAL units. Start codes are {@code 00 00 01}, a
     * zero octet before one (the 4-octet form) and any trailing zero octets are dropped: a NAL
     * unit never ends in 0x00 (its RBSP ends with a stop bit, and cabac_zero_words are escaped).
     * Empty NAL units between adjacent start codes are skipped.
     *
     * @throws PayloadFormatException {@code leading_zero_8bits} when a non-zero octet comes before
     *     the first start code
     */
    public static List<byte[]> splitAnnexB(byte[] stream) {
        List<byte[]> nals = new ArrayList<>();
        int at = findStartCode(stream, 0);
        for (int i = 0; i < (at < 0 ? stream.length : at); i++) {
            if (stream[i] != 0) {
                throw new PayloadFormatException("leading_zero_8bits", "octet " + i + " before the first start code is "
                        + (stream[i] & 0xFF));
            }
        }
        while (at >= 0) {
            int from = at + 3;
            int next = findStartCode(stream, from);
            int to = next < 0 ? stream.length : next;
            while (to > from && stream[to - 1] == 0) {
                to--;
            }
            if (to > from) {
                nals.add(Arrays.copyOfRange(stream, from, to));
            }
            at = next;
        }
        return nals;
    }

    /** Index of the next {@code 00 00 01} at or after {@code from}, or -1. */
    private static int findStartCode(byte[] stream, int from) {
        for (int i = from; i + 2 < stream.length; i++) {
            if ((stream[i + 2] & 0xFF) > 1) {
                i += 2; // an octet above 1 at i + 2 rules out start codes at i, i + 1 and i + 2
            } else if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    /** Writes NAL units as an Annex B byte stream, each after a 4-octet start code. */
    public static byte[] joinAnnexB(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size(nals) + START_CODE.length * nals.size());
        for (byte[] nal : nals) {
            out.writeBytes(START_CODE);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    /**
     * Splits length-prefixed NAL units (AVCC, ISO/IEC 14496-15 §5.3.4.2: each NAL unit after a
     * big-endian length of {@code lengthSize} octets). Zero lengths are skipped.
     *
     * @param lengthSize 1 to 4; 4 in MP4 and FLV in practice ({@code lengthSizeMinusOne + 1})
     * @throws PayloadFormatException {@code NALUnitLength} when a length or the NAL unit it
     *     announces runs past the end
     */
    public static List<byte[]> splitAvcc(byte[] data, int lengthSize) {
        checkLengthSize(lengthSize);
        List<byte[]> nals = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            if (data.length - at < lengthSize) {
                throw new PayloadFormatException("NALUnitLength", "truncated: " + (data.length - at) + " of "
                        + lengthSize + " octets at " + at);
            }
            long length = 0;
            for (int i = 0; i < lengthSize; i++) {
                length = length << 8 | (data[at++] & 0xFF);
            }
            if (length > data.length - at) {
                throw new PayloadFormatException("NALUnitLength", length + " octets announced at " + (at - lengthSize)
                        + ", " + (data.length - at) + " left");
            }
            if (length > 0) {
                nals.add(Arrays.copyOfRange(data, at, at + (int) length));
            }
            at += (int) length;
        }
        return nals;
    }

    /**
     * Writes NAL units with big-endian length prefixes of {@code lengthSize} octets.
     *
     * @throws IllegalArgumentException when a NAL unit is too long for the prefix
     */
    public static byte[] joinAvcc(List<byte[]> nals, int lengthSize) {
        checkLengthSize(lengthSize);
        long limit = (1L << (8 * lengthSize)) - 1;
        byte[] out = new byte[size(nals) + lengthSize * nals.size()];
        int at = 0;
        for (byte[] nal : nals) {
            if (nal.length > limit) {
                throw new IllegalArgumentException("NAL unit of " + nal.length + " octets does not fit a "
                        + lengthSize + "-octet length");
            }
            for (int i = lengthSize - 1; i >= 0; i--) {
                out[at++] = (byte) (nal.length >>> (8 * i));
            }
            System.arraycopy(nal, 0, out, at, nal.length);
            at += nal.length;
        }
        return out;
    }

    private static void checkLengthSize(int lengthSize) {
        if (lengthSize < 1 || lengthSize > 4) {
            throw new IllegalArgumentException("length prefixes are 1 to 4 octets: " + lengthSize);
        }
    }

    /** Total octets of the NAL units. */
    public static int size(List<byte[]> nals) {
        int size = 0;
        for (byte[] nal : nals) {
            size += nal.length;
        }
        return size;
    }

    /**
     * The RBSP of {@code nal[from, to)}: every emulation_prevention_three_byte (an 0x03 after two
     * zero octets, §7.4.1) removed. Pass {@code from = 1} to skip the NAL unit header.
     */
    public static byte[] toRbsp(byte[] nal, int from, int to) {
        byte[] rbsp = new byte[to - from];
        int length = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            byte b = nal[i];
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            rbsp[length++] = b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return length == rbsp.length ? rbsp : Arrays.copyOf(rbsp, length);
    }

    /**
     * The inverse of {@link #toRbsp}: inserts an 0x03 wherever two zero octets are followed by an
     * octet of 0 to 3, and after two final zero octets (§7.4.1.1; an RBSP can only end in zeros
     * when it ends in a cabac_zero_word, 0x0000).
     */
    public static byte[] fromRbsp(byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + rbsp.length / 64 + 1);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        if (zeros >= 2) {
            out.write(3);
        }
        return out.toByteArray();
    }

    /** Whether two lists hold NAL units with equal contents, in the same order. */
    public static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the contents, consistent with {@link #equal}. */
    public static int hash(List<byte[]> nals) {
        int hash = 1;
        for (byte[] nal : nals) {
            hash = 31 * hash + Arrays.hashCode(nal);
        }
        return hash;
    }
}
