// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peer policy against the forms that got past coturn (CVE-2018-4058: loopback;
 * CVE-2020-26262: 0.0.0.0 and [::]) and every IPv6 spelling of a forbidden IPv4 address.
 */
class PeerPolicyTest {
    private final PeerPolicy strict = PeerPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
        "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1", "100.127.255.255", "169.254.169.254",
        "169.254.0.1", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.8",
        "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "ff02::1", "fec0::1",
        "::ffff:127.0.0.1", "::ffff:0.0.0.0", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1",
        "::127.0.0.1", "::10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a00:1::"})
    void refusesEveryNonPublicForm(String peer) throws UnknownHostException {
        assertThat(strict.isAllowed(literal(peer))).as(peer).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2001:4860:4860::8888",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicUnicast(String peer) throws UnknownHostException {
        assertThat(strict.isAllowed(literal(peer))).as(peer).isTrue();
    }

    @Test
    void loopbackIsAllowedOnlyWhenAllowListedAndOnlyLoopback() throws UnknownHostException {
        PeerPolicy local = new PeerPolicy(true, List.of(), List.of(), Set.of(), 0, 0);
        assertThat(local.isAllowed(literal("127.0.0.1"))).isTrue();
        assertThat(local.isAllowed(literal("::1"))).isTrue();
        assertThat(local.isAllowed(literal("::ffff:127.0.0.1"))).isTrue();
        assertThat(local.isAllowed(literal("0.0.0.0"))).as("0/8 is not loopback, though Linux routes it there").isFalse();
        assertThat(local.isAllowed(literal("::"))).isFalse();
        assertThat(local.isAllowed(literal("10.0.0.1"))).isFalse();
    }

    @Test
    void theOperatorDenyListComesFirstThenTheAllowList() throws UnknownHostException {
        PeerPolicy policy = new PeerPolicy(false, List.of(Cidr.parse("10.1.0.0/16")), List.of(Cidr.parse("8.8.8.0/24"),
                Cidr.parse("10.1.2.0/24")), Set.of(), 0, 0);
        assertThat(policy.isAllowed(literal("10.1.3.4"))).isTrue();
        assertThat(policy.isAllowed(literal("::ffff:10.1.3.4"))).as("mapped form of an allowed block").isTrue();
        assertThat(policy.isAllowed(literal("10.1.2.3"))).isFalse();
        assertThat(policy.isAllowed(literal("8.8.8.8"))).isFalse();
        assertThat(policy.isAllowed(literal("::ffff:8.8.8.8"))).as("mapped form of a denied block").isFalse();
    }

    @Test
    void theServersOwnPublicAddressIsReachableOnlyAtRelayPorts() throws UnknownHostException {
        InetAddress self = literal("203.0.113.7");
        PeerPolicy policy = new PeerPolicy(false, List.of(), List.of(), Set.of(self, literal("127.0.0.1")), 49152, 65535);
        assertThat(policy.isSelfPort(new InetSocketAddress(self, 50000))).isFalse();
        assertThat(policy.isSelfPort(new InetSocketAddress(self, 3478))).isTrue();
        assertThat(policy.isSelfPort(new InetSocketAddress(self, 8080))).isTrue();
        assertThat(policy.isSelfPort(new InetSocketAddress(literal("127.0.0.1"), 8080)))
                .as("loopback is the allow-loopback switch's business").isFalse();
    }

    /** Literal addresses, IPv6 kept as IPv6 (the JDK would fold ::ffff:a.b.c.d into IPv4). */
    static InetAddress literal(String text) throws UnknownHostException {
        byte[] raw = Cidr.parse(text).network();
        return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
    }
}
