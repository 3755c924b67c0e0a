// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.util.regex.Pattern;

/**
 * A stream's name: slash-separated lower-case segments, e.g. {@code bcast/42/720p} or
 * {@code room/7/alice/cam}. Names appear in URLs and logs, so the alphabet is kept small.
 */
public record StreamName(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}(/[a-z0-9][a-z0-9._-]{0,63}){0,7}");

    public StreamName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("stream name must be slash-separated [a-z0-9._-] segments: " + value);
        }
    }

    public static StreamName of(String value) {
        return new StreamName(value);
    }

    /** The last segment: the format of a rendition ({@code 720p}), used to pick a mid-tier. */
    public String lastSegment() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
