// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.testing.HexVector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the AMF0 decoder refuses, and the field each refusal names. */
class Amf0DecoderTest {

    private static Amf0Value decode(String hex) {
        return Amf0Decoder.decode(Unpooled.wrappedBuffer(HexVector.parse(hex)));
    }

    private static void assertRefused(String hex, String field) {
        assertThatThrownBy(() -> decode(hex)).isInstanceOf(Amf0Exception.class)
                .satisfies(e -> assertThat(((Amf0Exception) e).field()).isEqualTo(field));
    }

    @Test
    void undefinedMarkersAreRefused() {
        assertRefused("12", "marker");
        assertRefused("ff", "marker");
    }

    @Test
    void referencesTypedObjectsAndAmf3AreRefusedAsUnsupported() {
        assertRefused("07 00 01", "marker");
        assertRefused("10 00 01 41 00 00 09", "marker");
        assertRefused("11 01", "marker");
        assertThatThrownBy(() -> decode("07 00 01")).hasMessageContaining("REFERENCE");
    }

    @Test
    void objectEndOutsideAnObjectIsRefused() {
        assertRefused("09", "marker");
    }

    @Test
    void truncatedValuesNameTheirField() {
        assertRefused("", "marker");
        assertRefused("00 3f f0", "number");
        assertRefused("01", "boolean");
        assertRefused("02 00", "string.length");
        assertRefused("02 00 05 61", "string.length");
        assertRefused("0c 00 00 00 09 61", "longString.length");
        assertRefused("03 00 01 61", "object.value");
        assertRefused("03 00 01 61 00 3f f0 00 00 00 00 00 00", "object.name.length");
        assertRefused("0b 00 00 00 00 00 00 00 00 00", "date.timeZone");
    }

    @Test
    void malformedUtf8IsRefusedRatherThanReplaced() {
        assertRefused("02 00 02 c3 28", "string");
        assertRefused("02 00 03 ed a0 80", "string"); // an encoded surrogate (CESU-8)
        assertRefused("03 00 01 ff 05 00 00 09", "object.name");
    }

    @Test
    void strictArrayCountBeyondTheBytesLeftIsRefusedBeforeAllocating() {
        assertRefused("0a ff ff ff ff 05", "strictArray.count");
    }

    @Test
    void nestingDeeperThanTheCapIsRefused() {
        int depth = Amf0Decoder.MAX_DEPTH + 2;
        ByteBuf deep = Unpooled.buffer();
        for (int i = 0; i < depth; i++) {
            deep.writeByte(0x0A).writeInt(1); // strict array of one element, nested
        }
        deep.writeByte(0x05);
        assertThatThrownBy(() -> Amf0Decoder.decode(deep)).isInstanceOf(Amf0Exception.class)
                .satisfies(e -> assertThat(((Amf0Exception) e).field()).isEqualTo("depth"));
    }

    @Test
    void nestingAtTheCapIsAccepted() {
        ByteBuf nested = Unpooled.buffer();
        for (int i = 0; i < Amf0Decoder.MAX_DEPTH; i++) {
            nested.writeByte(0x0A).writeInt(1);
        }
        nested.writeByte(0x05);
        assertThat(Amf0Decoder.decode(nested)).isInstanceOf(Amf0StrictArray.class);
    }

    @Test
    void repeatedNamesKeepTheLastValue() {
        Amf0Value value = decode("03 00 01 61 01 00 00 01 61 01 01 00 00 09");
        assertThat(value).isEqualTo(Amf0Object.builder().put("a", true).build());
    }

    @Test
    void decodeAllReadsValuesUntilTheEnd() {
        assertThat(Amf0Decoder.decodeAll(Unpooled.wrappedBuffer(HexVector.parse("05 06 01 01"))))
                .containsExactly(Amf0Null.INSTANCE, Amf0Undefined.INSTANCE, Amf0Boolean.TRUE);
    }

    @Test
    void propertyNamesLongerThan65535BytesCannotBeBuilt() {
        char[] name = new char[0x10000];
        Arrays.fill(name, 'x');
        assertThatThrownBy(() -> Amf0Object.builder().put(new String(name), 1.0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
