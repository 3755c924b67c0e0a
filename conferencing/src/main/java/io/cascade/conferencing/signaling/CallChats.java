// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Instant;

/**
 * In-call chat on the wire: {@code chat.send} goes to the other party as {@code chat.message} and
 * comes back to the sender as a {@code sent} receipt; the recipient's {@code chat.ack}
 * (delivered, then read) comes back to the sender as further receipts.
 */
final class CallChats {
    private CallChats() {}

    static void send(Call call, String user, ClientMessage.ChatSend m, Instant now, Calls.Ports ports) {
        Calls.requireActive(call);
        call.chat().add(user, m.id(), m.text(), now);
        ports.deliver(call.other(user), new ServerMessage.ChatMessage(call.id(), m.id(), user, m.text(), now));
        ports.deliver(user, new ServerMessage.ChatReceipt(call.id(), m.id(), ReceiptStatus.SENT, now));
    }

    static void ack(Call call, String user, ClientMessage.ChatAck m, Instant now, Calls.Ports ports) {
        call.chat().ack(user, m.id(), m.status()).ifPresent(e ->
                ports.deliver(e.from, new ServerMessage.ChatReceipt(call.id(), e.id, e.status, now)));
    }
}
