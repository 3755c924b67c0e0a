// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's UDP counters from {@code /proc/net/snmp} (RFC 4113 UDP-MIB names; Linux adds
 * RcvbufErrors and SndbufErrors). Their change over a run says where loss happened: RcvbufErrors
 * counts datagrams dropped at a full receive buffer, the forwarder's or the load generator's.
 * Host-wide, so another program's traffic shows too.
 */
final class KernelUdpCounters {
    private static final List<String> KEPT = List.of("InDatagrams", "OutDatagrams", "RcvbufErrors", "SndbufErrors",
            "InErrors", "NoPorts");

    private KernelUdpCounters() {
    }

    /** The counters now; empty where /proc/net/snmp is not readable. */
    static Map<String, Long> read() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try {
            List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(line -> line.startsWith("Udp: ")).toList();
            if (udp.size() == 2) {
                String[] names = udp.get(0).split("\\s+");
                String[] values = udp.get(1).split("\\s+");
                for (int i = 1; i < names.length && i < values.length; i++) {
                    if (KEPT.contains(names[i])) {
                        counters.put(names[i], Long.parseLong(values[i]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            counters.clear();
        }
        return counters;
    }

    /** {@code after - before}, per counter. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }
}
