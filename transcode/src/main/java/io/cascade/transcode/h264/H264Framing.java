// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * How an H.264 source frames its NAL units: Annex B start codes ({@code lengthSize == 0}) or
 * AVCC length prefixes of 1, 2 or 4 bytes.
 */
public record H264Framing(int lengthSize) {

    public H264Framing {
        if (lengthSize != 0) {
            Avcc.checkLengthSize(lengthSize);
        }
    }

    public static H264Framing annexB() {
        return new H264Framing(0);
    }

    public static H264Framing avcc(int lengthSize) {
        return new H264Framing(lengthSize);
    }

    public boolean isAnnexB() {
        return lengthSize == 0;
    }

    /** Appends the sample's NAL units to {@code out} as Annex B. */
    public void toAnnexB(byte[] sample, NalWriter out) throws MalformedH264Exception {
        if (isAnnexB()) {
            if (sample.length > 0 && !AnnexB.startsWithStartCode(sample)) {
                throw new MalformedH264Exception("start_code_prefix_one_3bytes: sample does not begin with 00 00 01");
            }
            out.append(sample, 0, sample.length);
        } else {
            Avcc.forEach(sample, lengthSize, out::appendAnnexB);
        }
    }

    @Override
    public String toString() {
        return isAnnexB() ? "Annex B" : "AVCC/" + lengthSize;
    }
}
