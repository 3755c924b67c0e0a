// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for what one signaling node accepts from another (with the right cluster token, so
 * the body itself is what is attacked): remote SFU offers ({@link SfuOfferReceiver}) and node-link
 * batches ({@link NodeMessage.Batch}, as {@link NodeLinkReceiver} reads them). Properties: a
 * status, never an exception; nothing reaches the SFU unless the answer is 200. Under
 * {@code mvn test} Jazzer replays its corpus (none kept); the seeded test below mutates the valid
 * messages deterministically.
 */
class ClusterMessagesFuzzTest {
    private static final List<String> OFFERS = List.of(
            "{\"from\":\"node-a\",\"kind\":\"publish\",\"stream\":\"room/r/u/cam\",\"sdp\":\"v=0\"}",
            "{\"from\":\"node-a\",\"kind\":\"play\",\"stream\":\"room/r/u/screen\",\"sdp\":\"v=0\\r\\n\"}");
    private static final List<String> BATCHES = List.of(
            "{\"messages\":[{\"type\":\"room.gone\",\"user\":\"u\",\"node\":\"n\",\"room\":\"r\"}]}",
            "{\"messages\":[{\"type\":\"room.home\",\"user\":\"u\",\"room\":\"r\",\"home\":\"n\"}]}",
            "{\"messages\":[{\"type\":\"sfu.event\",\"session\":\"s1\",\"live\":true,\"reason\":null}]}",
            "{\"messages\":[{\"type\":\"sfu.control\",\"session\":\"s1\",\"downlinkKbps\":300}]}");

    @FuzzTest
    void sfuOffer(byte[] data) {
        checkOffer(data);
    }

    @FuzzTest
    void nodeBatch(byte[] data) {
        checkBatch(data);
    }

    /** @return whether the offer was answered */
    static boolean checkOffer(byte[] data) {
        FakeSfu sfu = new FakeSfu();
        SfuOfferReceiver receiver = new SfuOfferReceiver("secret", sfu, (node, m) -> { });
        SfuOfferReceiver.Reply reply = receiver.receive("Bearer secret", data);
        assertThat(reply.status()).isIn(200, 400, 413, 404, 406, 409, 415, 503);
        if (reply.status() != 200) {
            assertThat(sfu.sessions).isEmpty();
        }
        return reply.status() == 200;
    }

    /** @return whether the batch was read */
    static boolean checkBatch(byte[] data) {
        try {
            NodeMessage.Batch b = SignalingJson.read(new String(data, StandardCharsets.UTF_8), NodeMessage.Batch.class);
            return b != null && b.messages() != null;
        } catch (SignalingException e) {
            return false;
        }
    }

    @Test
    void seededMutationsOfValidMessagesGiveAStatusNotAnException() {
        Random random = new Random(6206);
        int answered = 0;
        int read = 0;
        for (int i = 0; i < 5_000; i++) {
            answered += checkOffer(mutate(OFFERS.get(random.nextInt(OFFERS.size())), random)) ? 1 : 0;
            read += checkBatch(mutate(BATCHES.get(random.nextInt(BATCHES.size())), random)) ? 1 : 0;
        }
        assertThat(answered).as("mutations reach both the answer and the refusal").isBetween(1, 4_999);
        assertThat(read).as("mutations reach both the read and the refusal").isBetween(1, 4_999);
    }

    private static byte[] mutate(String seed, Random random) {
        byte[] b = seed.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(3)) {
                case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length) + 1);
                default -> {
                    int at = random.nextInt(b.length);
                    b[at] = (byte) "{}[]\":,0n-".charAt(random.nextInt(10));
                }
            }
        }
        return b;
    }
}
