// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The node link's receiving end refuses strangers and garbage before anything reaches the node. */
class NodeLinkReceiverTest {
    @Test
    void refusesAWrongTokenAndUnreadableBodies() {
        Net net = new Net();
        try (SignalingLoop loop = new SignalingLoop(net.node("A"), "test-loop", Duration.ofSeconds(1))) {
            NodeLinkReceiver r = new NodeLinkReceiver("secret", loop);
            byte[] ok = "{\"from\":\"B\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
            assertThat(r.receive(null, ok)).isEqualTo(401);
            assertThat(r.receive("Bearer wrong", ok)).isEqualTo(401);
            assertThat(r.receive("Bearer secret", ok)).isEqualTo(204);
            for (String bad : new String[] {"", "nope", "[]", "{\"from\":\"B\"}", "{\"messages\":[{\"type\":\"teleport\"}]}"}) {
                assertThat(r.receive("Bearer secret", bad.getBytes(StandardCharsets.UTF_8))).as(bad).isEqualTo(400);
            }
        }
    }
}
