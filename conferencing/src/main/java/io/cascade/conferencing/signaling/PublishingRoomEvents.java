// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventPublisher;
import java.time.InstantSource;

/**
 * Room events to Kafka. The subject is {@code room/{id}}, so one room's events stay in order on
 * one partition and never collide with a call id; payloads in docs/events.md, "Rooms".
 */
public final class PublishingRoomEvents implements RoomEvents {
    private final EventPublisher publisher;
    private final String node;
    private final InstantSource clock;

    public PublishingRoomEvents(EventPublisher publisher, String node, InstantSource clock) {
        this.publisher = publisher;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void participantJoined(String room, String user, int members, boolean audioOnly) {
        publish("participant.joined", room, EventCodec.json().createObjectNode().put("room", room).put("user", user)
                .put("members", members).put("audioOnly", audioOnly));
    }

    @Override
    public void participantLeft(String room, String user, int members) {
        publish("participant.left", room, EventCodec.json().createObjectNode().put("room", room).put("user", user)
                .put("members", members));
    }

    @Override
    public void modeChanged(String room, RoomMode mode, RoomMode previous, int members, int threshold) {
        publish("mode.changed", room, EventCodec.json().createObjectNode().put("room", room).put("mode", mode.wire())
                .put("previous", previous == null ? null : previous.wire()).put("members", members)
                .put("threshold", threshold));
    }

    private void publish(String type, String room, com.fasterxml.jackson.databind.node.ObjectNode payload) {
        publisher.publish(Event.of(clock, type, node, "room/" + room, payload.put("node", node)));
    }
}
