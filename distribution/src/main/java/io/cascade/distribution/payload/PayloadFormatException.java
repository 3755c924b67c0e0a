// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Objects;

/**
 * Bytes that are not a valid instance of a payload-format structure: an H.264 parameter set
 * (ISO/IEC 14496-10 §7.3.2), an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), an
 * AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), an RFC 3640 {@code a=fmtp} value, or an Annex B
 * or length-prefixed NAL unit stream. Thrown by parsers at boundaries; the depacketizers never
 * throw on payload bytes and count instead. {@link #field()} names the syntax element that
 * failed, spelled as in the specification, so a handler can count rejections per cause.
 */
public final class PayloadFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the syntax element that failed, e.g. {@code "pic_width_in_mbs_minus1"}
     * @param message what was wrong with it
     */
    public PayloadFormatException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** The syntax element that failed, e.g. {@code "lengthSizeMinusOne"} or {@code "config"}. */
    public String field() {
        return field;
    }
}
