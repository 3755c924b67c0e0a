// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The receiving end of {@link HttpNodeLink}, independent of the HTTP server that carries it: checks
 * the cluster token, reads the batch and queues its messages on the node's loop in order.
 */
public final class NodeLinkReceiver {
    /** Larger bodies are refused (413): a batch is at most 500 messages of at most 64 KiB each. */
    public static final int MAX_BODY = 8 * 1024 * 1024;

    private final byte[] expected;
    private final SignalingLoop loop;

    public NodeLinkReceiver(String token, SignalingLoop loop) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.loop = loop;
    }

    /** Handles one POST; returns the HTTP status to answer (204, 400, 401 or 413). */
    public int receive(String authorization, byte[] body) {
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return 401;
        }
        if (body.length > MAX_BODY) {
            return 413;
        }
        NodeMessage.Batch batch;
        try {
            batch = SignalingJson.read(new String(body, StandardCharsets.UTF_8), NodeMessage.Batch.class);
        } catch (SignalingException e) {
            return 400;
        }
        if (batch == null || batch.messages() == null) {
            return 400;
        }
        loop.run(node -> batch.messages().forEach(node::onNode));
        return 204;
    }
}
