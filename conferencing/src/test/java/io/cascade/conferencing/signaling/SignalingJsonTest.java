// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading client messages: every refusal has its code and names the field; nothing else escapes. */
class SignalingJsonTest {
    private static ClientMessage read(String json) {
        return SignalingJson.client(SignalingJson.parse(json, 64 * 1024));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                                  | bad_json      |",
        "[1,2]                                                     | bad_json      |",
        "\"text\"                                                  | bad_json      |",
        "{\"type\":7}                                               | unknown_type  |",
        "{\"type\":\"call.teleport\"}                               | unknown_type  |",
        "{\"type\":\"welcome\"}                                     | unknown_type  |",
        "{\"type\":\"call.invite\"}                                 | invalid_field | to",
        "{\"type\":\"call.invite\",\"to\":\"a b\"}                  | invalid_field | to",
        "{\"type\":\"call.invite\",\"to\":\"bob\"}                  | invalid_field | caps",
        "{\"type\":\"call.decline\"}                                | invalid_field | callId",
        "{\"type\":\"call.hangup\",\"callId\":\"../x\"}             | invalid_field | callId",
        "{\"type\":\"call.sdp\",\"callId\":\"c\",\"description\":{\"type\":\"bogus\",\"sdp\":\"\"}} | invalid_field | description.type",
        "{\"type\":\"call.mode\",\"callId\":\"c\",\"mode\":\"carrier-pigeon\"} | invalid_field | mode",
        "{\"type\":\"call.bandwidth\",\"callId\":\"c\",\"maxBitrateKbps\":\"fast\"} | invalid_field | maxBitrateKbps",
        "{\"type\":\"chat.ack\",\"callId\":\"c\",\"id\":\"m\",\"status\":\"sent\"} | invalid_field | status",
        "{\"type\":\"chat.send\",\"callId\":\"c\",\"id\":\"m\"}      | invalid_field | text",
        "{\"type\":\"contacts.update\",\"add\":[\"ok\",\"not ok\"]}  | invalid_field | add",
    })
    void refusesWithACodeAndTheField(String json, String code, String field) {
        SignalingException e = catchThrowableOfType(SignalingException.class, () -> read(json));
        assertThat(e).as(json).isNotNull();
        assertThat(e.code().wire()).isEqualTo(code);
        if (field != null) {
            assertThat(e.getMessage()).startsWith(field);
        }
    }

    @Test
    void tooLargeIsCountedInUtf8Bytes() {
        String small = "{\"type\":\"ping\",\"pad\":\"" + "é".repeat(600) + "\"}";
        assertThat(catchThrowableOfType(SignalingException.class, () -> SignalingJson.parse(small, 1024)).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(SignalingJson.parse(small, 2048)).isNotNull();
    }

    @Test
    void unknownFieldsAreIgnoredAndRoomMessagesNameTheirBadField() {
        assertThat(read("{\"type\":\"ping\",\"future\":{\"x\":1}}")).isEqualTo(new ClientMessage.Ping());
        assertThat(catchThrowableOfType(SignalingException.class, () -> read("{\"type\":\"room.join\"}")).getMessage())
                .startsWith("room: required");
        assertThat(catchThrowableOfType(SignalingException.class,
                () -> read("{\"type\":\"room.join\",\"room\":\"Big Room\"}")).getMessage()).startsWith("room:");
        assertThat(read("{\"type\":\"room.join\",\"room\":\"r1\"}")).isEqualTo(new ClientMessage.RoomJoin("r1", false, null));
    }

    @Test
    void serverMessagesRoundTripAndLeaveOutNulls() {
        var m = new ServerMessage.Ended("c1", "bob", EndReason.CONTACTS_ONLY, "bob accepts calls from contacts only", 0);
        String json = SignalingJson.write(m);
        assertThat(json).isEqualTo("{\"type\":\"call.ended\",\"callId\":\"c1\",\"peer\":\"bob\",\"reason\":\"contacts_only\","
                + "\"message\":\"bob accepts calls from contacts only\",\"durationMs\":0}");
        assertThat(SignalingJson.read(json, ServerMessage.class)).isEqualTo(m);
        var p = new ServerMessage.Presence("bob", PresenceStatus.OFFLINE, Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(SignalingJson.write(p)).isEqualTo(
                "{\"type\":\"presence\",\"user\":\"bob\",\"status\":\"offline\",\"lastSeen\":\"2026-11-21T10:00:00Z\"}");
        assertThat(SignalingJson.write(new ServerMessage.Error(ErrorCode.BAD_JSON, "x", null, null)))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad_json\",\"message\":\"x\"}");
    }

    @Test
    void nodeMessagesRoundTrip() {
        var batch = new NodeMessage.Batch("A", List.of(
                new NodeMessage.Deliver("bob", new ServerMessage.Ringing("c1", "bob")),
                new NodeMessage.FromUser("bob", new ClientMessage.Hangup("c1")),
                new NodeMessage.Left("bob", "c1", EndReason.GLARE),
                new NodeMessage.RingResult("c1", NodeMessage.RingOutcome.BUSY, "B")));
        assertThat(SignalingJson.read(SignalingJson.write(batch), NodeMessage.Batch.class)).isEqualTo(batch);
    }
}
