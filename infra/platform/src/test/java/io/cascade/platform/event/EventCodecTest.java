// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.platform.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentedJsonFormDecodes() {
        // the example in docs/events.md
        Event e = EventCodec.decode(utf8("""
                {"type":"call.started","id":"0193b8c2-6f1e-7a3b-9c4d-5e6f7a8b9c0d","time":"2026-11-21T05:40:00.123Z",
                 "source":"node-1","subject":"room-7","payload":{"caller":"alice","callee":"bob"},"future":"ignored"}"""));
        assertThat(e.type()).isEqualTo("call.started");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-21T05:40:00.123Z"));
        assertThat(e.subject()).isEqualTo("room-7");
        assertThat(e.payload().get("callee").asText()).isEqualTo("bob");
    }

    @Test
    void encodeThenDecodeIsIdentity() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
        Event e = Event.of(clock, "viewer.joined", "edge-eu-1", "bcast-42",
                EventCodec.json().createObjectNode().put("region", "eu").put("viewers", 12_345));
        assertThat(EventCodec.decode(EventCodec.encode(e))).isEqualTo(e);
        assertThat(e.time()).isEqualTo(clock.instant());
    }

    @Test
    void missingSubjectAndPayloadDefaultToEmpty() {
        Event e = EventCodec.decode(utf8("{\"type\":\"a.b\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"n\"}"));
        assertThat(e.subject()).isEmpty();
        assertThat(e.payload().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                                              | event",
        "not json                                                                        | event",
        "[1,2]                                                                           | event",
        "{\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"n\"}              | type",
        "{\"type\":\"Call Started\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"n\"} | type",
        "{\"type\":\"a.b\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"n\"}           | id",
        "{\"type\":\"a.b\",\"id\":\"x\",\"time\":\"yesterday\",\"source\":\"n\"}          | time",
        "{\"type\":\"a.b\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":7}    | source",
        "{\"type\":\"a.b\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"n\",\"payload\":[1]} | payload",
    })
    void badInputNamesTheField(String json, String field) {
        assertThatThrownBy(() -> EventCodec.decode(utf8(json)))
                .isInstanceOfSatisfying(EventFormatException.class, ex -> assertThat(ex.field()).isEqualTo(field));
    }

    @Test
    void oversizedEventsAreRefusedBeforeParsing() {
        byte[] big = new byte[EventCodec.MAX_BYTES + 1];
        assertThatThrownBy(() -> EventCodec.decode(big)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("exceeds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call", "Call.started", "call..started", ".call", "call.started!"})
    void typesAreDottedLowerCaseNames(String type) {
        assertThatThrownBy(() -> Event.of(type, "n", "", null)).isInstanceOf(EventFormatException.class);
    }
}
