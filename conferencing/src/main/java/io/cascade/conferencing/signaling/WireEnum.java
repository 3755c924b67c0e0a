// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** Parses a wire value into an enum constant that carries it, or names the field it came in. */
public final class WireEnum {
    private WireEnum() {}

    public interface Valued {
        String wire();
    }

    static <E extends Enum<E> & Valued> E parse(Class<E> type, String field, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(value)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.isEmpty() ? "" : ", ").append(e.wire());
        }
        throw SignalingException.field(field, "one of " + known + "; got " + value);
    }
}
