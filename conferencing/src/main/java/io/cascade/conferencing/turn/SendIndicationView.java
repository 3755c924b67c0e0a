// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunHeader;
import io.netty.buffer.ByteBuf;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a Send indication (RFC 8656 §10.2) in place, for the relay path: where its DATA lies in
 * the received buffer and which peer XOR-PEER-ADDRESS names, without copying the message or
 * building attribute objects (the codec's {@code StunDecoder} would copy it twice).
 *
 * <p>Checks, as §10.2 and RFC 8489 §5-§7 ask: the header (type 0x0016, length equal to the
 * bytes after it, magic cookie); attribute TLVs inside the message; XOR-PEER-ADDRESS of a known
 * family and exact length; DATA present; FINGERPRINT, when present, last and correct. A
 * DONT-FRAGMENT attribute, or any other comprehension-required attribute this server does not
 * use in a Send indication, makes the indication one to discard ("the server acts as if the
 * DONT-FRAGMENT attribute is an unknown comprehension-required attribute", since it cannot set DF).
 *
 * <p>One instance per event loop, reused for every message; not thread-safe.
 */
final class SendIndicationView {
    static final int TYPE = 0x0016;
    private static final int XOR_PEER_ADDRESS = 0x0012;
    private static final int DATA = 0x0013;
    private static final int FINGERPRINT = 0x8028;

    private final byte[] peerIp = new byte[16];
    private final CRC32 crc = new CRC32();
    private int peerIpLength;
    private int peerPort;
    private int dataIndex;
    private int dataLength;

    /** Whether the readable bytes start with a Send indication header. */
    static boolean isSendIndication(ByteBuf d) {
        return d.readableBytes() >= StunHeader.LENGTH && d.getUnsignedShort(d.readerIndex()) == TYPE;
    }

    /** Parses the message; false means discard it (malformed or not relayable). */
    boolean parse(ByteBuf d) {
        int start = d.readerIndex();
        int end = start + d.readableBytes();
        if (d.getUnsignedShort(start + 2) != end - start - StunHeader.LENGTH
                || d.getInt(start + 4) != StunHeader.MAGIC_COOKIE) {
            return false;
        }
        peerIpLength = 0;
        dataIndex = -1;
        for (int at = start + StunHeader.LENGTH; at < end;) {
            if (at + 4 > end) {
                return false;
            }
            int type = d.getUnsignedShort(at);
            int length = d.getUnsignedShort(at + 2);
            int next = at + 4 + ((length + 3) & ~3);
            if (next > end) {
                return false;
            }
            if (type == XOR_PEER_ADDRESS) {
                if (peerIpLength == 0 && !readPeer(d, start, at + 4, length)) {
                    return false;
                }
            } else if (type == DATA) {
                if (dataIndex < 0) {
                    dataIndex = at + 4;
                    dataLength = length;
                }
            } else if (type == FINGERPRINT) {
                return next == end && length == 4 && fingerprintMatches(d, start, at);
            } else if (type < 0x8000 && !isIgnorable(type)) {
                return false; // DONT-FRAGMENT or an unknown comprehension-required attribute
            }
            at = next;
        }
        return peerIpLength != 0 && dataIndex >= 0;
    }

    int dataIndex() {
        return dataIndex;
    }

    int dataLength() {
        return dataLength;
    }

    /** Whether {@code candidate} is the peer just parsed, so a cached address can be reused. */
    boolean peerEquals(InetSocketAddress candidate) {
        if (candidate == null || candidate.getPort() != peerPort) {
            return false;
        }
        byte[] ip = candidate.getAddress().getAddress();
        if (ip.length != peerIpLength) {
            return false;
        }
        for (int i = 0; i < ip.length; i++) {
            if (ip[i] != peerIp[i]) {
                return false;
            }
        }
        return true;
    }

    /** The peer just parsed, as a new address object. */
    InetSocketAddress peer() {
        try {
            byte[] ip = Arrays.copyOf(peerIp, peerIpLength);
            InetAddress address = peerIpLength == 4 ? InetAddress.getByAddress(ip)
                    : Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(address, peerPort);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("address of " + peerIpLength + " bytes", impossible);
        }
    }

    /** XOR-PEER-ADDRESS (RFC 8656 §18.3, RFC 8489 §14.2): un-XOR with cookie and transaction id. */
    private boolean readPeer(ByteBuf d, int start, int value, int length) {
        if (length != 8 && length != 20) {
            return false; // checked before reading the family byte, which a shorter value lacks
        }
        int family = d.getUnsignedByte(value + 1);
        int ipLength = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (ipLength < 0 || length != 4 + ipLength) {
            return false;
        }
        peerPort = d.getUnsignedShort(value + 2) ^ (StunHeader.MAGIC_COOKIE >>> 16);
        for (int i = 0; i < ipLength; i++) {
            // Key bytes: the cookie at start+4..8, then the transaction id at start+8..20.
            peerIp[i] = (byte) (d.getByte(value + 4 + i) ^ d.getByte(start + 4 + i));
        }
        peerIpLength = ipLength;
        return true;
    }

    /**
     * Comprehension-required attributes understood but meaningless in a Send indication, which
     * carries no authentication (RFC 8656 §10): USERNAME, MESSAGE-INTEGRITY, REALM, NONCE,
     * MESSAGE-INTEGRITY-SHA256. Ignored rather than treated as unknown.
     */
    private static boolean isIgnorable(int type) {
        return type == 0x0006 || type == 0x0008 || type == 0x0014 || type == 0x0015 || type == 0x001C;
    }

    private boolean fingerprintMatches(ByteBuf d, int start, int at) {
        crc.reset();
        crc.update(d.nioBuffer(start, at - start));
        return ((int) crc.getValue() ^ 0x5354554E) == d.getInt(at + 4);
    }
}
