// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 string bodies of AMF0 (AMF0 spec §1.3: UTF-8 with a 16-bit length; UTF-8-long
 * with a 32-bit length). Decoding is strict: malformed input is an {@link Amf0Exception}
 * rather than U+FFFD, because a replaced string re-encodes longer and could no longer fit its
 * 16-bit length, which would break the decode-encode-decode round trip.
 */
final class Utf8 {
    /** The largest byte length a 16-bit length prefix can carry. */
    static final int MAX_SHORT = 0xFFFF;

    private Utf8() {
    }

    /** Reads {@code length} bytes at the reader index as strict UTF-8. */
    static String read(ByteBuf in, long length, String field) {
        if (length > in.readableBytes()) {
            throw new Amf0Exception(field + ".length", length + " bytes declared, " + in.readableBytes() + " left");
        }
        int n = (int) length;
        if (n == 0) {
            return "";
        }
        ByteBuffer bytes = in.nioBufferCount() == 1 ? in.nioBuffer(in.readerIndex(), n)
                : ByteBuffer.wrap(readCopy(in, n));
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
            in.skipBytes(n);
            return text;
        } catch (CharacterCodingException e) {
            throw new Amf0Exception(field, "malformed UTF-8");
        }
    }

    private static byte[] readCopy(ByteBuf in, int n) {
        byte[] copy = new byte[n];
        in.getBytes(in.readerIndex(), copy);
        return copy;
    }

    /** Reads a UTF-8 type: a 16-bit length, then the bytes. */
    static String readShort(ByteBuf in, String field) {
        if (in.readableBytes() < 2) {
            throw new Amf0Exception(field + ".length", "truncated");
        }
        return read(in, in.readUnsignedShort(), field);
    }

    /** The UTF-8 bytes of {@code text}. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a UTF-8 type (16-bit length) for a key known to fit. */
    static void writeShort(ByteBuf out, byte[] utf8) {
        out.writeShort(utf8.length);
        out.writeBytes(utf8);
    }

    /** Checks that a property name fits the 16-bit length of the UTF-8 type. */
    static String checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("null property name");
        }
        if (key.length() > MAX_SHORT / 3 && bytes(key).length > MAX_SHORT) {
            throw new IllegalArgumentException("property name longer than 65535 UTF-8 bytes");
        }
        return key;
    }
}
