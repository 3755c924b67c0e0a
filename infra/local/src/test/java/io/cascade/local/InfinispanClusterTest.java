// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InfinispanClusterTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, List.of("nodes", "sessions", "streams"));

    @Test
    void twoNodesJoinShareTheDirectoryAndOneLeaves() throws Exception {
        EmbeddedInfinispan a = ISPN.startNode(0);
        EmbeddedInfinispan b = ISPN.startNode(1);
        Await.until("two members", Duration.ofSeconds(30), () -> a.clusterSize() == 2 && b.clusterSize() == 2);

        Directory onA = directory(a);
        Directory onB = directory(b);
        onA.register(new NodeInfo("edge-eu-1", Set.of("edge"), "eu", Map.of("http", "http://10.0.0.1:8080"), 0.3));
        onA.bindSession("alice", "edge-eu-1");

        // replicated synchronously: visible on B as soon as the put returned on A
        assertThat(onB.nodes("edge", "eu")).extracting(NodeInfo::id).containsExactly("edge-eu-1");
        assertThat(onB.sessionNode("alice")).contains("edge-eu-1");

        b.close();
        Await.until("B gone from A's view", Duration.ofSeconds(30), () -> a.clusterSize() == 1);
        assertThat(onA.nodes("edge", null)).extracting(NodeInfo::id).containsExactly("edge-eu-1");
    }

    private static Directory directory(EmbeddedInfinispan n) {
        return new Directory(n.cache("nodes"), n.cache("sessions"), n.cache("streams"),
                InstantSource.system(), Duration.ofSeconds(30));
    }
}
