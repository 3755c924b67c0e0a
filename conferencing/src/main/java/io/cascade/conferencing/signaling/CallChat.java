// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A call's chat, kept for the call's life only (dropped with it): messages in order with their
 * latest receipt. Receipts only move forward (sent -> delivered -> read), and only the recipient
 * gives them. Bounded: past {@link #MAX_MESSAGES} the oldest are forgotten.
 */
final class CallChat {
    static final int MAX_MESSAGES = 1000;

    /** One message; {@code status} is the latest receipt. */
    static final class Entry {
        final String id;
        final String from;
        final String text;
        final Instant time;
        ReceiptStatus status = ReceiptStatus.SENT;

        Entry(String id, String from, String text, Instant time) {
            this.id = id;
            this.from = from;
            this.text = text;
            this.time = time;
        }

        ServerMessage.ChatEntry view() {
            return new ServerMessage.ChatEntry(id, from, text, time, status);
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    Entry add(String from, String id, String text, Instant time) {
        if (entries.containsKey(id)) {
            throw SignalingException.field("id", "already used in this call: " + id);
        }
        if (entries.size() >= MAX_MESSAGES) {
            Iterator<Entry> oldest = entries.values().iterator();
            oldest.next();
            oldest.remove();
        }
        Entry e = new Entry(id, from, text, time);
        entries.put(id, e);
        return e;
    }

    /** The entry whose receipt moved forward, or empty when it was there already. */
    Optional<Entry> ack(String by, String id, ReceiptStatus status) {
        Entry e = entries.get(id);
        if (e == null || e.from.equals(by)) {
            throw SignalingException.field("id", "no message " + id + " sent to you in this call");
        }
        if (status.ordinal() <= e.status.ordinal()) {
            return Optional.empty();
        }
        e.status = status;
        return Optional.of(e);
    }

    List<ServerMessage.ChatEntry> log() {
        List<ServerMessage.ChatEntry> out = new ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(e.view()));
        return out;
    }

    int size() {
        return entries.size();
    }
}
