// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

/**
 * The one-byte type marker in front of every AMF0 value (AMF0 spec §2.1). The enum owns the
 * wire codes; {@link #of(int)} rejects codes the specification does not define.
 */
public enum Amf0Marker {
    NUMBER(0x00),
    BOOLEAN(0x01),
    STRING(0x02),
    OBJECT(0x03),
    /** Reserved, not supported (§2.6). */
    MOVIECLIP(0x04),
    NULL(0x05),
    UNDEFINED(0x06),
    /** A back-reference to an earlier complex value (§2.9); not supported. */
    REFERENCE(0x07),
    ECMA_ARRAY(0x08),
    OBJECT_END(0x09),
    STRICT_ARRAY(0x0A),
    DATE(0x0B),
    LONG_STRING(0x0C),
    UNSUPPORTED(0x0D),
    /** Reserved, not supported (§2.15). */
    RECORDSET(0x0E),
    XML_DOCUMENT(0x0F),
    TYPED_OBJECT(0x10),
    /** Switch to AMF3 (§3.1); not supported. */
    AVMPLUS_OBJECT(0x11);

    private static final Amf0Marker[] BY_CODE = values();

    private final int code;

    Amf0Marker(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code an unsigned byte
     * @throws Amf0Exception for a code §2.1 does not define
     */
    public static Amf0Marker of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new Amf0Exception("marker", "undefined type marker 0x" + Integer.toHexString(code));
        }
        // The constants are declared in code order, so the ordinal is the code.
        return BY_CODE[code];
    }
}
