// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The RTP header extension block (RFC 3550 §5.3.1): a 16-bit "defined by profile" field, a
 * 16-bit length in 32-bit words (not counting the 4-octet extension header) and the data.
 *
 * <p>The data is kept as the octets on the wire, so decode then encode gives the same bytes even
 * where a sender put padding between elements. When the profile is one of the RFC 8285 forms
 * ({@link #form()}), {@link #elements()} parses it and {@link #of} builds it; decode refuses an
 * RFC 8285 block whose elements run past its end, like {@link RtpPacket#validate()}.
 */
public final class HeaderExtension {
    /** The extension header: profile (16 bits) and length in words (16 bits). */
    public static final int HEADER_LENGTH = 4;
    /** Largest data length the 16-bit word count can express. */
    public static final int MAX_DATA_LENGTH = 0xFFFF * 4;

    private final int profile;
    private final byte[] data;

    /**
     * @param profile the "defined by profile" value, 0..0xFFFF
     * @param data    extension data, a multiple of 4 octets long; copied
     * @throws IllegalArgumentException when the data is not whole words, or the profile is an
     *     RFC 8285 form and an element runs past the data
     */
    public HeaderExtension(int profile, byte[] data) {
        if (profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("profile must be 16 bits: " + profile);
        }
        if (data.length % 4 != 0 || data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("extension data must be whole 32-bit words: " + data.length);
        }
        ExtensionProfile form = ExtensionProfile.of(profile);
        if (form != null && !ExtensionScanner.isWellFormed(Unpooled.wrappedBuffer(data), 0, data.length, form)) {
            throw new IllegalArgumentException("an RFC 8285 element runs past the extension data");
        }
        this.profile = profile;
        this.data = data.clone();
    }

    /**
     * Builds an RFC 8285 block: the elements in order with no padding between them, then zero
     * octets up to the next 32-bit boundary (RFC 8285 §4.1). Element order is kept because
     * receivers may rely on first-wins for duplicate ids.
     *
     * @throws IllegalArgumentException when an element does not fit the form
     */
    public static HeaderExtension of(ExtensionProfile form, List<ExtensionElement> elements) {
        int length = 0;
        for (ExtensionElement element : elements) {
            if (!form.fits(element.id(), element.length())) {
                throw new IllegalArgumentException(element + " does not fit the " + form + " form");
            }
            length += form.elementHeaderLength() + element.length();
        }
        byte[] data = new byte[(length + 3) & ~3];
        int pos = 0;
        for (ExtensionElement element : elements) {
            if (form == ExtensionProfile.ONE_BYTE) {
                data[pos++] = (byte) (element.id() << 4 | (element.length() - 1));
            } else {
                data[pos++] = (byte) element.id();
                data[pos++] = (byte) element.length();
            }
            byte[] value = element.value();
            System.arraycopy(value, 0, data, pos, value.length);
            pos += value.length;
        }
        return new HeaderExtension(form.profile(), data);
    }

    /**
     * Reads an extension block at the reader index and moves the reader index past it.
     *
     * @throws RtpFormatException {@code extension} when the 4-octet header is cut short,
     *     {@code extensionLength} when the data is, {@code extensionElement} when an RFC 8285
     *     element runs past the block
     */
    public static HeaderExtension decode(ByteBuf in) {
        if (in.readableBytes() < HEADER_LENGTH) {
            throw new RtpFormatException(RtpValidity.EXTENSION_HEADER_OVERRUN);
        }
        int start = in.readerIndex();
        int length = in.getUnsignedShort(start + 2) * 4;
        if (in.readableBytes() - HEADER_LENGTH < length) {
            throw new RtpFormatException(RtpValidity.EXTENSION_LENGTH_OVERRUN);
        }
        int profile = in.getUnsignedShort(start);
        ExtensionProfile form = ExtensionProfile.of(profile);
        int dataStart = start + HEADER_LENGTH;
        if (form != null && !ExtensionScanner.isWellFormed(in, dataStart, dataStart + length, form)) {
            throw new RtpFormatException(RtpValidity.EXTENSION_ELEMENT_OVERRUN);
        }
        byte[] data = new byte[length];
        in.getBytes(dataStart, data);
        in.skipBytes(HEADER_LENGTH + length);
        return new HeaderExtension(profile, data);
    }

    /** Writes the block at the writer index. */
    public void encode(ByteBuf out) {
        out.writeShort(profile);
        out.writeShort(data.length / 4);
        out.writeBytes(data);
    }

    /** Octets {@link #encode} writes: header plus data. */
    public int encodedLength() {
        return HEADER_LENGTH + data.length;
    }

    /** The "defined by profile" field. */
    public int profile() {
        return profile;
    }

    /** The RFC 8285 form, or {@code null} for a profile-specific block carried opaquely. */
    public ExtensionProfile form() {
        return ExtensionProfile.of(profile);
    }

    /** The data after the 4-octet header, as on the wire (a copy). */
    public byte[] data() {
        return data.clone();
    }

    /**
     * The RFC 8285 elements in wire order, padding skipped, stopping at a one-byte ID 15.
     *
     * @throws IllegalStateException when {@link #form()} is null: the data is not RFC 8285
     */
    public List<ExtensionElement> elements() {
        ExtensionProfile form = form();
        if (form == null) {
            throw new IllegalStateException(String.format("profile 0x%04X is not an RFC 8285 form", profile));
        }
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        List<ExtensionElement> elements = new ArrayList<>();
        int pos = 0;
        long element;
        // The constructor refused malformed RFC 8285 data, so next() ends with END here.
        while ((element = ExtensionScanner.next(buf, pos, data.length, form)) >= 0) {
            int offset = ExtensionScanner.dataOffset(element);
            int length = ExtensionScanner.length(element);
            elements.add(new ExtensionElement(ExtensionScanner.id(element),
                    Arrays.copyOfRange(data, offset, offset + length)));
            pos = offset + length;
        }
        return elements;
    }

    /** The first element with this id (RFC 8285 elements only), if present. */
    public Optional<ExtensionElement> element(int id) {
        return elements().stream().filter(e -> e.id() == id).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderExtension that && profile == that.profile && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * profile + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("HeaderExtension[profile=0x%04X, data=%s]", profile, HexFormat.of().formatHex(data));
    }
}
