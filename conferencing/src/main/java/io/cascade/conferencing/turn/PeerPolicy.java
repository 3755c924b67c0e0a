// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which peers a TURN allocation may reach. RFC 8656 §9.2, §12.2 and §21 let a server refuse peer
 * addresses with 403 (Forbidden); this one refuses, unless the operator allow-lists them, every
 * address that is not a public unicast destination:
 *
 * <ul>
 *   <li>IPv4: 0.0.0.0/8 ("this network", which Linux routes to the local host: CVE-2020-26262
 *       used 0.0.0.0 to reach coturn's loopback), 127/8 loopback (CVE-2018-4058 reached coturn's
 *       admin port), 10/8, 172.16/12 and 192.168/16 private (RFC 1918), 100.64/10 CGNAT
 *       (RFC 6598), 169.254/16 link-local with the cloud metadata address 169.254.169.254,
 *       192.0.0/24 protocol assignments, 198.18/15 benchmarking, 224/4 multicast, 240/4 reserved
 *       and broadcast.
 *   <li>IPv6: :: unspecified, ::1 loopback, fc00::/7 unique local, fe80::/10 link-local, fec0::/10
 *       old site-local, ff00::/8 multicast, 100::/64 discard.
 *   <li>IPv6 forms that carry an IPv4 address are judged by that address: IPv4-mapped
 *       ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96 (RFC 6052) and 6to4 2002::/16
 *       (RFC 3056). So ::ffff:127.0.0.1, ::127.0.0.1, 64:ff9b::a00:1 and 2002:a00:1:: are refused
 *       exactly as 127.0.0.1 and 10.0.0.1 are.
 * </ul>
 *
 * <p>Order of decision: the operator's deny list, then the operator's allow list, then loopback
 * when {@code allowLoopback} (the local profile runs everything on 127.0.0.1), then the built-in
 * list above. Addresses are checked after decoding, on the value the relay would use.
 *
 * <p>Separately, {@link #isSelfPort} refuses peers on the server's own non-loopback addresses
 * except at relay ports: two clients of this server reach each other through their relayed
 * addresses, but nobody reaches the server's other services through it.
 */
public final class PeerPolicy {
    private static final List<Cidr> DENIED_V4 = blocks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Cidr> DENIED_V6 = blocks("::/128", "::1/128", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8", "100::/64");
    private static final Cidr LOOPBACK_V4 = Cidr.parse("127.0.0.0/8");
    private static final Cidr LOOPBACK_V6 = Cidr.parse("::1/128");
    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final boolean allowLoopback;
    private final List<Cidr> allowed;
    private final List<Cidr> denied;
    private final Set<InetAddress> selfAddresses;
    private final int minRelayPort;
    private final int maxRelayPort;

    /**
     * @param selfAddresses the server's own addresses (listening, relay, advertised); loopback and
     *     wildcard ones are ignored here, as {@code allowLoopback} already decides about them
     */
    public PeerPolicy(boolean allowLoopback, List<Cidr> allowed, List<Cidr> denied,
            Set<InetAddress> selfAddresses, int minRelayPort, int maxRelayPort) {
        this.allowLoopback = allowLoopback;
        this.allowed = List.copyOf(allowed);
        this.denied = List.copyOf(denied);
        this.selfAddresses = selfAddresses.stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isAnyLocalAddress())
                .collect(Collectors.toUnmodifiableSet());
        this.minRelayPort = minRelayPort;
        this.maxRelayPort = maxRelayPort;
    }

    /** The production policy: nothing but the built-in list, loopback refused. */
    public static PeerPolicy strict() {
        return new PeerPolicy(false, List.of(), List.of(), Set.of(), 0, 0);
    }

    /** Whether a permission or channel may be installed for this peer IP (the port is ignored). */
    public boolean isAllowed(InetAddress peer) {
        byte[] raw = peer.getAddress();
        for (Cidr block : denied) {
            if (matches(block, raw)) {
                return false;
            }
        }
        for (Cidr block : allowed) {
            if (matches(block, raw)) {
                return true;
            }
        }
        byte[] v4 = embeddedIpv4(raw);
        if (allowLoopback && (isLoopback(raw) || (v4 != null && LOOPBACK_V4.contains(v4)))) {
            return true;
        }
        if (v4 != null) {
            return !inAny(DENIED_V4, v4);
        }
        return !inAny(raw.length == 4 ? DENIED_V4 : DENIED_V6, raw);
    }

    /**
     * Whether this peer transport address is one of the server's own addresses at a port outside
     * the relay range: such datagrams are refused even though the IP has a permission.
     */
    public boolean isSelfPort(InetSocketAddress peer) {
        if (selfAddresses.isEmpty() || !selfAddresses.contains(peer.getAddress())) {
            return false;
        }
        return peer.getPort() < minRelayPort || peer.getPort() > maxRelayPort;
    }

    /**
     * The IPv4 address an IPv6 address carries in one of the forms above, or the address itself
     * when it is IPv4; null for IPv6 addresses that carry none.
     */
    static byte[] embeddedIpv4(byte[] raw) {
        if (raw.length == 4) {
            return raw;
        }
        if (MAPPED.contains(raw) || NAT64.contains(raw)
                || (COMPATIBLE.contains(raw) && !isUnspecifiedOrLoopbackV6(raw))) {
            return new byte[] {raw[12], raw[13], raw[14], raw[15]};
        }
        if (SIX_TO_FOUR.contains(raw)) {
            return new byte[] {raw[2], raw[3], raw[4], raw[5]};
        }
        return null;
    }

    private static boolean isLoopback(byte[] raw) {
        return raw.length == 4 ? LOOPBACK_V4.contains(raw) : LOOPBACK_V6.contains(raw);
    }

    /** :: and ::1 lie inside ::/96 but are IPv6's own, judged by the IPv6 list. */
    private static boolean isUnspecifiedOrLoopbackV6(byte[] raw) {
        for (int i = 0; i < 15; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[15] == 0 || raw[15] == 1;
    }

    /** An operator block matches the address, or the IPv4 address it carries. */
    private static boolean matches(Cidr block, byte[] raw) {
        if (block.contains(raw)) {
            return true;
        }
        byte[] v4 = raw.length == 16 ? embeddedIpv4(raw) : null;
        return v4 != null && block.contains(v4);
    }

    private static boolean inAny(List<Cidr> blocks, byte[] raw) {
        for (Cidr block : blocks) {
            if (block.contains(raw)) {
                return true;
            }
        }
        return false;
    }

    private static List<Cidr> blocks(String... texts) {
        return Arrays.stream(texts).map(Cidr::parse).toList();
    }
}
