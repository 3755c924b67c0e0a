// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunHeader;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a Data indication (RFC 8656 §10.3): how a peer's datagram reaches a client that has no
 * channel bound to that peer.
 *
 * <pre>
 * 0x0017 | length | magic cookie | transaction id
 * XOR-PEER-ADDRESS 0x0012 (8 or 20 bytes) | DATA 0x0013 (the datagram, padded to 4)
 * </pre>
 *
 * <p>The payload is copied once, from the relay socket's receive buffer into the message. The
 * transaction id comes from {@link ThreadLocalRandom}: an indication gets no response, so its id
 * matches nothing and need not be unpredictable (RFC 8489 §6 asks for cryptographic randomness
 * to protect request/response matching). No FINGERPRINT: TURN does not ask for one here and it
 * would cost a CRC over every relayed byte.
 */
final class DataIndication {
    static final int TYPE = 0x0017;
    private static final int XOR_PEER_ADDRESS = 0x0012;
    private static final int DATA = 0x0013;

    private DataIndication() {}

    /** Total length for a payload of {@code dataLength} bytes from {@code peer}. */
    static int length(InetSocketAddress peer, int dataLength) {
        return StunHeader.LENGTH + 4 + 4 + peer.getAddress().getAddress().length + 4 + ((dataLength + 3) & ~3);
    }

    /** Appends the indication carrying {@code length} bytes of {@code data} at {@code index}. */
    static void write(InetSocketAddress peer, ByteBuf data, int index, int length, ByteBuf out) {
        byte[] ip = peer.getAddress().getAddress();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int padded = (length + 3) & ~3;
        int body = 4 + 4 + ip.length + 4 + padded;
        out.writeShort(TYPE).writeShort(body).writeInt(StunHeader.MAGIC_COOKIE);
        int id0 = random.nextInt();
        int id1 = random.nextInt();
        int id2 = random.nextInt();
        out.writeInt(id0).writeInt(id1).writeInt(id2);
        out.writeShort(XOR_PEER_ADDRESS).writeShort(4 + ip.length);
        out.writeByte(0).writeByte(ip.length == 4 ? 0x01 : 0x02);
        out.writeShort(peer.getPort() ^ (StunHeader.MAGIC_COOKIE >>> 16));
        int[] key = {StunHeader.MAGIC_COOKIE, id0, id1, id2};
        for (int i = 0; i < ip.length; i += 4) {
            int word = (ip[i] & 0xFF) << 24 | (ip[i + 1] & 0xFF) << 16 | (ip[i + 2] & 0xFF) << 8 | ip[i + 3] & 0xFF;
            out.writeInt(word ^ key[i / 4]);
        }
        out.writeShort(DATA).writeShort(length);
        out.writeBytes(data, index, length);
        out.writeZero(padded - length);
    }
}
