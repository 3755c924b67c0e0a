// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventPublisher;
import java.time.InstantSource;

/**
 * Call events to Kafka through the platform's {@link EventPublisher} (never blocks). The subject
 * is the call id, so one call's events stay in order on one partition; payloads are listed in
 * docs/events.md, "Calls".
 */
public final class PublishingCallEvents implements CallEvents {
    private final EventPublisher publisher;
    private final String node;
    private final InstantSource clock;

    public PublishingCallEvents(EventPublisher publisher, String node, InstantSource clock) {
        this.publisher = publisher;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void started(Call call) {
        ObjectNode p = parties(call);
        p.set("config", EventCodec.json().valueToTree(call.config().orElse(null)));
        publish("call.started", call, p);
    }

    @Override
    public void ended(Call call, EndReason reason, long durationMs) {
        ObjectNode p = parties(call).put("reason", reason.wire()).put("answered", call.answered().isPresent())
                .put("durationMs", durationMs);
        publish("call.ended", call, p);
    }

    @Override
    public void configChanged(Call call, CallConfig config, String by) {
        ObjectNode p = parties(call).put("by", by).put("reason", "bandwidth");
        p.set("config", EventCodec.json().valueToTree(config));
        publish("config.changed", call, p);
    }

    @Override
    public void modeChanged(Call call, String user, MediaMode mode, MediaMode previous) {
        ObjectNode p = parties(call).put("user", user).put("mode", mode.wire());
        p.put("previous", previous == null ? null : previous.wire());
        publish("mode.changed", call, p);
    }

    private ObjectNode parties(Call call) {
        ObjectNode p = EventCodec.json().createObjectNode().put("caller", call.caller()).put("callee", call.callee())
                .put("home", node);
        call.calleeNode().ifPresent(n -> p.put("calleeNode", n));
        return p;
    }

    private void publish(String type, Call call, ObjectNode payload) {
        publisher.publish(Event.of(clock, type, node, call.id(), payload));
    }
}
