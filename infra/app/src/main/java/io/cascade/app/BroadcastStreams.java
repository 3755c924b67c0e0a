// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.StreamName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay stream names of broadcasts, {@code bcast/{id}/{name}} ({@code program}, a rendition,
 * or {@code webrtc}): the one place the app builds and takes them apart.
 */
final class BroadcastStreams {
    private static final String PREFIX = "bcast/";
    private static final Pattern NAME = Pattern.compile("bcast/([^/]+)/([^/]+)");

    /** A broadcast stream's two parts. */
    record Parts(String broadcast, String name) {}

    private BroadcastStreams() {
    }

    static StreamName of(String broadcast, String name) {
        return StreamName.of(PREFIX + broadcast + "/" + name);
    }

    /** The parts of {@code stream}, or null when it is no broadcast stream. */
    static Parts parse(StreamName stream) {
        Matcher m = NAME.matcher(stream.value());
        return m.matches() ? new Parts(m.group(1), m.group(2)) : null;
    }

    /** The broadcast id of {@code stream}, or null when it is no broadcast stream. */
    static String broadcastOf(StreamName stream) {
        Parts p = parse(stream);
        return p == null ? null : p.broadcast();
    }
}
