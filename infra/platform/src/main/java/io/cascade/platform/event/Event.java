// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cascade.platform.id.Ids;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * One fact a service tells the others (call ended, config changed, viewer joined...). The JSON form
 * is documented in {@code docs/events.md}; {@link EventCodec} reads and writes it.
 *
 * @param type    dotted name, e.g. {@code call.started}
 * @param id      unique, time-ordered ({@link Ids})
 * @param time    when it happened, UTC
 * @param source  the node id that emitted it
 * @param subject what it is about (room, call, broadcast id); the Kafka key, so that one subject's
 *                events stay in order; may be empty
 * @param payload type-specific fields, a JSON object
 */
public record Event(String type, String id, Instant time, String source, String subject, ObjectNode payload) {

    public Event {
        EventCodec.requireType(type);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        subject = subject == null ? "" : subject;
        payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
    }

    /** A new event with a fresh id, stamped now. */
    public static Event of(String type, String source, String subject, ObjectNode payload) {
        return of(InstantSource.system(), type, source, subject, payload);
    }

    public static Event of(InstantSource clock, String type, String source, String subject, ObjectNode payload) {
        return new Event(type, Ids.newId(clock), clock.instant(), source, subject, payload);
    }
}
