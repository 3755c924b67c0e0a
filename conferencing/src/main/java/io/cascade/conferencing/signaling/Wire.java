// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.UserNames;
import java.util.regex.Pattern;

/** Checks shared by the message records' constructors; each failure names its field. */
final class Wire {
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Room ids become a stream name segment ({@code room/{room}/...}), hence lower case only. */
    private static final Pattern ROOM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Wire() {}

    static String user(String value, String field) {
        if (value == null) {
            throw SignalingException.field(field, "required");
        }
        if (!UserNames.valid(value)) {
            throw SignalingException.field(field, "1-64 of A-Z a-z 0-9 . _ @ -");
        }
        return value;
    }

    static String callId(String value) {
        if (value == null) {
            throw SignalingException.field("callId", "required");
        }
        if (!CALL_ID.matcher(value).matches()) {
            throw SignalingException.field("callId", "1-64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    static String room(String value) {
        if (value == null) {
            throw SignalingException.field("room", "required");
        }
        if (!ROOM.matcher(value).matches()) {
            throw SignalingException.field("room", "1-64 of a-z 0-9 . _ - (starting with a letter or digit)");
        }
        return value;
    }

    static String text(String value, String field, int maxChars) {
        if (value == null) {
            throw SignalingException.field(field, "required");
        }
        if (value.length() > maxChars) {
            throw SignalingException.field(field, "longer than " + maxChars + " characters");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw SignalingException.field(field, "required");
        }
        return value;
    }

    static int range(int value, String field, int min, int max) {
        if (value < min || value > max) {
            throw SignalingException.field(field, "must be " + min + ".." + max + ", is " + value);
        }
        return value;
    }
}
