// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * The length-prefixed sample format of ISO/IEC 14496-15 §5.3.2 (what MP4, FLV and RTMP carry):
 * each NAL unit is preceded by its length, big-endian, in {@code lengthSize} = 1, 2 or 4 bytes
 * ({@code lengthSizeMinusOne + 1} of the AVCDecoderConfigurationRecord).
 */
public final class Avcc {

    private Avcc() {
    }

    /** Checks {@code lengthSize} is one the record can declare (§5.3.3.1.2: 3 is reserved). */
    public static int checkLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NAL length size must be 1, 2 or 4, got " + lengthSize);
        }
        return lengthSize;
    }

    /**
     * Visits every NAL unit of a length-prefixed sample.
     *
     * @throws MalformedH264Exception when a length field is cut short, is zero, or runs past the end
     */
    public static void forEach(byte[] data, int lengthSize, NalVisitor visitor) throws MalformedH264Exception {
        checkLengthSize(lengthSize);
        int at = 0;
        while (at < data.length) {
            if (data.length - at < lengthSize) {
                throw new MalformedH264Exception("NALUnitLength at byte " + at + ": " + (data.length - at)
                        + " bytes left, need " + lengthSize);
            }
            long length = 0;
            for (int i = 0; i < lengthSize; i++) {
                length = (length << 8) | (data[at + i] & 0xff);
            }
            at += lengthSize;
            if (length == 0 || length > data.length - at) {
                throw new MalformedH264Exception("NALUnitLength at byte " + (at - lengthSize) + " is " + length
                        + ", " + (data.length - at) + " bytes left");
            }
            visitor.nal(data, at, (int) length);
            at += (int) length;
        }
    }

    /** Converts a length-prefixed sample to Annex B with 4-byte start codes. */
    public static byte[] toAnnexB(byte[] data, int lengthSize) throws MalformedH264Exception {
        NalWriter out = new NalWriter(data.length + 16);
        forEach(data, lengthSize, out::appendAnnexB);
        return out.toByteArray();
    }

    /** Converts Annex B to a length-prefixed sample. */
    public static byte[] fromAnnexB(byte[] annexB, int lengthSize) {
        checkLengthSize(lengthSize);
        NalWriter out = new NalWriter(annexB.length + 16);
        AnnexB.forEach(annexB, (buf, off, len) -> out.appendLengthPrefixed(buf, off, len, lengthSize));
        return out.toByteArray();
    }
}
