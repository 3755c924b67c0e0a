// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block in CIDR notation (RFC 4632 §3.1 for IPv4, RFC 4291 §2.3 for IPv6), such as
 * {@code 10.0.0.0/8} or {@code fe80::/10}. A bare address is a block of one.
 *
 * <p>Matching is by family: an IPv4 block never matches an IPv6 address. Embedded IPv4 addresses
 * (IPv4-mapped and friends) are {@link PeerPolicy}'s business, not this class's.
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("a network is 4 or 16 bytes, got " + network.length);
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
        network = mask(network.clone(), prefixLength);
    }

    /**
     * Parses {@code address[/prefix]}. Only literal addresses are accepted, never host names: a
     * policy must not depend on DNS.
     *
     * @throws IllegalArgumentException naming the text when it is not a block
     */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(host, text);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether {@code address} (same family) lies in this block. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the raw address bytes (4 or 16) lie in this block. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int maskBits = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & maskBits) == (network[full] & maskBits);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException impossible) {
            return Arrays.toString(network) + "/" + prefixLength;
        }
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    /** Literal IPv4 (dotted quad) or IPv6 (contains ':'); never a lookup. */
    private static byte[] literal(String host, String text) {
        if (host.indexOf(':') < 0) {
            String[] parts = host.split("\\.", -1);
            if (parts.length != 4) {
                throw notABlock(text);
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                    throw notABlock(text);
                }
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return bytes;
        }
        try {
            // With a ':' the JDK parses an IPv6 literal and never asks DNS.
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 4) {
                // The JDK folds ::ffff:a.b.c.d into IPv4; a block written in IPv6 stays IPv6.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw notABlock(text);
        }
    }

    private static IllegalArgumentException notABlock(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
    }
}
