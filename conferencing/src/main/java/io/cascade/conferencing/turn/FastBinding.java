// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunHeader;
import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.zip.CRC32;

/**
 * The Binding request that carries no attributes (what {@code turnutils_stunclient}, browsers
 * gathering server-reflexive candidates and load generators send) answered without building a
 * message object: a Binding success response (RFC 8489 §6.3.1.1) with XOR-MAPPED-ADDRESS (§14.2)
 * and FINGERPRINT (§14.7), written straight into the outgoing buffer.
 *
 * <pre>
 * request : 0x0001 | length 0 | magic cookie | transaction id        (20 bytes, nothing else)
 * response: 0x0101 | length   | magic cookie | transaction id
 *           XOR-MAPPED-ADDRESS 0x0020 (8 or 20 bytes) | FINGERPRINT 0x8028 (4 bytes)
 * </pre>
 *
 * <p>Any other Binding request (attributes, integrity, unknown comprehension-required attributes
 * that need a 420) takes the general path through the codec. The bytes written here are the
 * same the codec's builder writes for the same message; a test holds the two to it.
 */
final class FastBinding {
    static final int REQUEST_TYPE = 0x0001;
    static final int SUCCESS_TYPE = 0x0101;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int FINGERPRINT = 0x8028;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FastBinding() {}

    /** Whether the readable bytes are exactly an attribute-less Binding request. */
    static boolean matches(ByteBuf d) {
        int at = d.readerIndex();
        return d.readableBytes() == StunHeader.LENGTH
                && d.getInt(at) == REQUEST_TYPE << 16 // type 0x0001, length 0
                && d.getInt(at + 4) == StunHeader.MAGIC_COOKIE;
    }

    /** Appends the success response to {@code request} for a client at {@code client}. */
    static void writeResponse(ByteBuf request, InetSocketAddress client, ByteBuf out) {
        Scratch s = SCRATCH.get();
        byte[] b = s.bytes;
        byte[] ip = client.getAddress().getAddress();
        boolean v4 = client.getAddress() instanceof Inet4Address;
        int valueLength = 4 + ip.length;
        int total = StunHeader.LENGTH + 4 + valueLength + 8;
        putU16(b, 0, SUCCESS_TYPE);
        putU16(b, 2, total - StunHeader.LENGTH);
        request.getBytes(request.readerIndex() + 4, b, 4, 16); // cookie + transaction id
        putU16(b, 20, XOR_MAPPED_ADDRESS);
        putU16(b, 22, valueLength);
        b[24] = 0;
        b[25] = (byte) (v4 ? 0x01 : 0x02);
        putU16(b, 26, client.getPort() ^ (StunHeader.MAGIC_COOKIE >>> 16));
        for (int i = 0; i < ip.length; i++) {
            // XOR key: the magic cookie, then (IPv6) the transaction id, which sits at b[8..20).
            b[28 + i] = (byte) (ip[i] ^ b[4 + i]);
        }
        int fp = 28 + ip.length;
        putU16(b, fp, FINGERPRINT);
        putU16(b, fp + 2, 4);
        CRC32 crc = s.crc;
        crc.reset();
        crc.update(b, 0, fp);
        int value = (int) crc.getValue() ^ 0x5354554E;
        b[fp + 4] = (byte) (value >>> 24);
        b[fp + 5] = (byte) (value >>> 16);
        b[fp + 6] = (byte) (value >>> 8);
        b[fp + 7] = (byte) value;
        out.writeBytes(b, 0, total);
    }

    /** Length of the response for an IPv4 (40) or IPv6 (52) client. */
    static int responseLength(InetSocketAddress client) {
        return client.getAddress() instanceof Inet4Address ? 40 : 52;
    }

    private static void putU16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    /** Per-thread scratch: the response is assembled here so the CRC runs over a plain array. */
    private static final class Scratch {
        final byte[] bytes = new byte[64];
        final CRC32 crc = new CRC32();
    }
}
