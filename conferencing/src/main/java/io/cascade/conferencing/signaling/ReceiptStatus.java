// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Chat receipts, in the order a message goes through them: accepted by the service, shown to the recipient's page, read. */
public enum ReceiptStatus implements WireEnum.Valued {
    SENT("sent"),
    DELIVERED("delivered"),
    READ("read");

    private final String wire;

    ReceiptStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ReceiptStatus parse(String value) {
        return WireEnum.parse(ReceiptStatus.class, "status", value);
    }
}
