// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The framing fuzz inputs use for a sequence of datagrams: each one after its length in two
 * octets, big-endian; a last record cut short keeps what is there. Any byte string is a valid
 * sequence, so the fuzzer explores packet contents and packet order alike.
 */
final class PacketSequence {
    private PacketSequence() {
    }

    static List<byte[]> split(byte[] data) {
        List<byte[]> packets = new ArrayList<>();
        int at = 0;
        while (at + 2 <= data.length) {
            int length = (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
            int from = at + 2;
            int to = Math.min(data.length, from + length);
            packets.add(Arrays.copyOfRange(data, from, to));
            at = to;
        }
        return packets;
    }

    static byte[] join(List<byte[]> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            out.write(packet.length >>> 8);
            out.write(packet.length);
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }
}
