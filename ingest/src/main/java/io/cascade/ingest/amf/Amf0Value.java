// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;

/**
 * One AMF0 value (AMF0 spec §2): a marker byte and the type's body. Each permitted type is
 * immutable and encodes itself; {@link Amf0Decoder} reads them back.
 */
public sealed interface Amf0Value permits Amf0Number, Amf0Boolean, Amf0String, Amf0Object, Amf0Null,
        Amf0Undefined, Amf0EcmaArray, Amf0StrictArray, Amf0Date {

    /** Writes the marker and the body. */
    void encode(ByteBuf out);

    /**
     * The value as plain Java, for callers outside the wire layer: {@link Double},
     * {@link Boolean}, {@link String}, an unmodifiable {@code Map<String, Object>} (object, ECMA
     * array; insertion order kept), an unmodifiable {@code List<Object>} (strict array),
     * {@link java.time.Instant} (date), or {@code null} (null, undefined).
     */
    Object toJava();
}
