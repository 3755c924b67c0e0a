// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Binding requests from RFC 3489 clients, which predate the magic cookie: the 16 bytes after the
 * length are all transaction id (the Debian {@code stun} client sends these). RFC 8489 §12 (and
 * RFC 5389 §12.2) has a server answer them with the plain MAPPED-ADDRESS of RFC 3489 §11.2.1; as
 * RFC 3489 requires, and as coturn does, the answer also names the server in SOURCE-ADDRESS and
 * CHANGED-ADDRESS. This server has one address, so it cannot do the "change IP/port" tests:
 * a CHANGE-REQUEST asking for either is answered 420 listing CHANGE-REQUEST, the answer of a
 * server without RFC 5780 support (coturn gives the same with one address). RESPONSE-ADDRESS
 * (send the answer elsewhere, a reflection tool) and any other comprehension-required attribute
 * get the same 420.
 *
 * <pre>
 * 0x0001 | length | transaction id (128 bits) | attributes
 * </pre>
 */
final class ClassicBinding {
    static final int CHANGE_REQUEST = 0x0003;
    private static final int MAPPED_ADDRESS = 0x0001;
    private static final int SOURCE_ADDRESS = 0x0004;
    private static final int CHANGED_ADDRESS = 0x0005;
    private static final int ERROR_CODE = 0x0009;
    private static final int UNKNOWN_ATTRIBUTES = 0x000A;
    private static final byte[] REASON_420 = "Unknown Attribute".getBytes(StandardCharsets.US_ASCII);
    /** Nothing legitimate is longer; longer ones are dropped before any work. */
    static final int MAX_LENGTH = 548;

    private ClassicBinding() {}

    /** Whether the readable bytes are an RFC 3489 Binding request (no magic cookie). */
    static boolean matches(ByteBuf d) {
        int at = d.readerIndex();
        int size = d.readableBytes();
        if (size < 20 || size > MAX_LENGTH || d.getUnsignedShort(at) != 0x0001) {
            return false;
        }
        int length = d.getUnsignedShort(at + 2);
        return (length & 3) == 0 && length + 20 == size;
    }

    /**
     * Writes the answer: a Binding response, or a 420 when a comprehension-required attribute
     * other than an all-zero CHANGE-REQUEST is present. Returns false for a request whose
     * attributes do not parse (drop it).
     */
    static boolean writeResponse(ByteBuf request, InetSocketAddress client, InetSocketAddress server,
            ByteBuf out) {
        int at = request.readerIndex();
        int end = at + request.readableBytes();
        int unknown = -1;
        for (int p = at + 20; p < end;) {
            if (p + 4 > end) {
                return false;
            }
            int type = request.getUnsignedShort(p);
            int length = request.getUnsignedShort(p + 2);
            if (p + 4 + length > end) {
                return false;
            }
            boolean harmless = type == CHANGE_REQUEST && length == 4 && (request.getInt(p + 4) & 0x6) == 0;
            if (type < 0x8000 && !harmless && unknown < 0) {
                unknown = type;
            }
            p += 4 + ((length + 3) & ~3);
        }
        if (unknown >= 0) {
            writeUnknownAttribute(request, unknown, out);
        } else {
            writeSuccess(request, client, server, out);
        }
        return true;
    }

    private static void writeSuccess(ByteBuf request, InetSocketAddress client,
            InetSocketAddress server, ByteBuf out) {
        int body = addressLength(client) + 2 * addressLength(server);
        writeHeader(request, 0x0101, body, out);
        writeAddress(MAPPED_ADDRESS, client, out);
        writeAddress(SOURCE_ADDRESS, server, out);
        writeAddress(CHANGED_ADDRESS, server, out);
    }

    private static void writeUnknownAttribute(ByteBuf request, int type, ByteBuf out) {
        // ERROR-CODE: reserved 21 bits, class 4, number 20, "Unknown Attribute" (17 -> 20 bytes).
        byte[] reason = REASON_420;
        int errorLength = 4 + reason.length;
        int body = 4 + ((errorLength + 3) & ~3) + 4 + 4;
        writeHeader(request, 0x0111, body, out);
        out.writeShort(ERROR_CODE).writeShort(errorLength).writeShort(0).writeByte(4).writeByte(20);
        out.writeBytes(reason).writeZero(((errorLength + 3) & ~3) - errorLength);
        // UNKNOWN-ATTRIBUTES: RFC 3489 §11.2.11 pads an odd count by repeating an attribute.
        out.writeShort(UNKNOWN_ATTRIBUTES).writeShort(4).writeShort(type).writeShort(type);
    }

    private static void writeHeader(ByteBuf request, int type, int bodyLength, ByteBuf out) {
        out.writeShort(type).writeShort(bodyLength);
        out.writeBytes(request, request.readerIndex() + 4, 16);
    }

    private static int addressLength(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address ? 12 : 24;
    }

    private static void writeAddress(int type, InetSocketAddress address, ByteBuf out) {
        byte[] ip = address.getAddress().getAddress();
        out.writeShort(type).writeShort(4 + ip.length);
        out.writeByte(0).writeByte(ip.length == 4 ? 0x01 : 0x02).writeShort(address.getPort());
        out.writeBytes(ip);
    }
}
