// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMF0 values (AMF0 spec §2) from a buffer. Every length is checked against the bytes
 * left before anything is allocated, so the memory a decode takes is bounded by the input;
 * nesting deeper than {@link #MAX_DEPTH} is refused. On an {@link Amf0Exception} the reader
 * index is left somewhere inside the value: callers drop the whole message.
 */
public final class Amf0Decoder {
    /** The deepest nesting of objects and arrays accepted; metadata from encoders uses two or three. */
    public static final int MAX_DEPTH = 32;

    private Amf0Decoder() {
    }

    /** Reads one value. */
    public static Amf0Value decode(ByteBuf in) {
        return decode(in, 0);
    }

    /** Reads values until the buffer is empty (the body of a command or data message). */
    public static List<Amf0Value> decodeAll(ByteBuf in) {
        List<Amf0Value> values = new ArrayList<>();
        while (in.isReadable()) {
            values.add(decode(in, 0));
        }
        return values;
    }

    static Amf0Value decode(ByteBuf in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Amf0Exception("depth", "nesting deeper than " + MAX_DEPTH);
        }
        if (!in.isReadable()) {
            throw new Amf0Exception("marker", "truncated: no marker");
        }
        Amf0Marker marker = Amf0Marker.of(in.readUnsignedByte());
        return switch (marker) {
            case NUMBER -> new Amf0Number(readDouble(in, "number"));
            case BOOLEAN -> {
                need(in, 1, "boolean");
                yield new Amf0Boolean(in.readByte() != 0);
            }
            case STRING -> new Amf0String(Utf8.readShort(in, "string"));
            case LONG_STRING -> {
                need(in, 4, "longString.length");
                yield new Amf0String(Utf8.read(in, in.readUnsignedInt(), "longString"));
            }
            case OBJECT -> new Amf0Object(Properties.decode(in, depth, "object", false));
            case NULL -> Amf0Null.INSTANCE;
            case UNDEFINED -> Amf0Undefined.INSTANCE;
            case ECMA_ARRAY -> {
                need(in, 4, "ecmaArray.count");
                in.skipBytes(4); // a hint only (§2.10); the object end closes the array
                yield new Amf0EcmaArray(Properties.decode(in, depth, "ecmaArray", true));
            }
            case STRICT_ARRAY -> decodeStrictArray(in, depth);
            case DATE -> {
                double millis = readDouble(in, "date");
                need(in, 2, "date.timeZone");
                yield new Amf0Date(millis, in.readShort());
            }
            case OBJECT_END -> throw new Amf0Exception("marker", "object end outside an object");
            default -> throw new Amf0Exception("marker", "unsupported type " + marker);
        };
    }

    private static Amf0StrictArray decodeStrictArray(ByteBuf in, int depth) {
        need(in, 4, "strictArray.count");
        long count = in.readUnsignedInt();
        // Each value takes at least its marker byte: a count beyond the bytes left is a lie.
        if (count > in.readableBytes()) {
            throw new Amf0Exception("strictArray.count", count + " values declared, " + in.readableBytes() + " bytes left");
        }
        List<Amf0Value> values = new ArrayList<>((int) Math.min(count, 64));
        for (long i = 0; i < count; i++) {
            values.add(decode(in, depth + 1));
        }
        return new Amf0StrictArray(values);
    }

    private static double readDouble(ByteBuf in, String field) {
        need(in, 8, field);
        return in.readDouble();
    }

    private static void need(ByteBuf in, int bytes, String field) {
        if (in.readableBytes() < bytes) {
            throw new Amf0Exception(field, "truncated: " + bytes + " bytes needed, " + in.readableBytes() + " left");
        }
    }
}
