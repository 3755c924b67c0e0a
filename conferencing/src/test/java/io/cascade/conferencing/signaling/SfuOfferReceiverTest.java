// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member node's end of remote SFU offers: the token, hostile bodies, and the events sent back. */
class SfuOfferReceiverTest {
    private final FakeSfu sfu = new FakeSfu();
    private final List<String> sent = new ArrayList<>();
    private final SfuOfferReceiver receiver = new SfuOfferReceiver("secret", sfu,
            (node, m) -> sent.add(node + " " + SignalingJson.write(m)));

    private SfuOfferReceiver.Reply post(String auth, String body) {
        return receiver.receive(auth, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWithoutTheClusterTokenOrWithABadBody() {
        String offer = "{\"from\":\"a\",\"kind\":\"publish\",\"stream\":\"room/r/u/cam\",\"sdp\":\"v=0\"}";
        assertThat(post(null, offer).status()).isEqualTo(401);
        assertThat(post("Bearer wrong", offer).status()).isEqualTo(401);
        assertThat(post("Bearer secret", "{not json").status()).isEqualTo(400);
        assertThat(post("Bearer secret", "{\"from\":\"a\",\"kind\":\"publish\",\"stream\":\"live/x\",\"sdp\":\"v=0\"}").status())
                .as("only room streams").isEqualTo(400);
        assertThat(post("Bearer secret", "{\"from\":\"a\",\"kind\":\"delete\",\"stream\":\"room/r/u/cam\",\"sdp\":\"v=0\"}").status())
                .isEqualTo(400);
        assertThat(receiver.receive("Bearer secret", new byte[SfuOfferReceiver.MAX_BODY + 1]).status()).isEqualTo(413);
        assertThat(sfu.sessions).isEmpty();
    }

    @Test
    void answersAndReportsTheSessionsLifeToTheAskingNode() {
        SfuOfferReceiver.Reply r = post("Bearer secret",
                "{\"from\":\"node-a\",\"kind\":\"play\",\"stream\":\"room/r/u/cam\",\"sdp\":\"v=0\"}");
        assertThat(r.status()).isEqualTo(200);
        RemoteSfus.Answer a = SignalingJson.read(r.body(), RemoteSfus.Answer.class);
        FakeSfu.Opened opened = sfu.last("play");
        assertThat(a.session()).isEqualTo(opened.id());
        assertThat(opened.stream()).isEqualTo("room/r/u/cam");
        opened.live().complete(null);
        opened.ended().complete("bye");
        assertThat(sent).containsExactly(
                "node-a {\"type\":\"sfu.event\",\"session\":\"" + a.session() + "\",\"live\":true,\"reason\":null}",
                "node-a {\"type\":\"sfu.event\",\"session\":\"" + a.session() + "\",\"live\":false,\"reason\":\"bye\"}");
    }
}
