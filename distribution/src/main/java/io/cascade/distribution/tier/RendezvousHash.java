// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.platform.directory.NodeInfo;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Highest-random-weight (rendezvous) hashing (Thaler and Ravishankar, 1998): every node scores
 * {@code hash(node, key)} and the highest wins. Every caller with the same node list ranks the
 * same way without coordination, and removing a node only moves the keys it owned.
 */
final class RendezvousHash {
    private RendezvousHash() {}

    static List<NodeInfo> rank(List<NodeInfo> nodes, String key) {
        return nodes.stream()
                .sorted(Comparator.comparingLong((NodeInfo n) -> score(n.id(), key)).reversed()
                        .thenComparing(NodeInfo::id))
                .toList();
    }

    static long score(String nodeId, String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a over node and key, then a SplitMix64 finaliser
        for (byte b : (nodeId + '\u0000' + key).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
