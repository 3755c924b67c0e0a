// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import java.util.Arrays;

/**
 * Reads big-endian fields from a byte array, checking each against the bytes left and naming
 * the field when one is short. Shared by the configuration-record parsers.
 */
final class ByteCursor {
    private final byte[] data;
    private int position;

    ByteCursor(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - position;
    }

    int u8(String field) {
        need(1, field);
        return data[position++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int value = (data[position] & 0xFF) << 8 | data[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    byte[] bytes(int length, String field) {
        need(length, field);
        byte[] copy = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return copy;
    }

    private void need(int bytes, String field) {
        if (remaining() < bytes) {
            throw new FlvFormatException(field, "truncated: " + bytes + " bytes needed, " + remaining() + " left");
        }
    }
}
