// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import java.util.Optional;

/**
 * The stream ids Cascade accepts from SRT callers: {@code publish:{streamKey}} (ARCHITECTURE.md
 * contract), and the access-control form of the SRT stream id recommendations
 * ({@code #!::r={streamKey},m=publish}, as OBS and some encoders write it).
 */
public final class SrtStreamId {
    private static final String PUBLISH = "publish:";
    private static final String ACCESS_CONTROL = "#!::";

    private SrtStreamId() {
    }

    /** The stream key a publishing caller presents, or empty for anything else. */
    public static Optional<String> publishKey(String streamId) {
        if (streamId == null || streamId.length() > 512) {
            return Optional.empty();
        }
        if (streamId.startsWith(PUBLISH)) {
            return nonEmpty(streamId.substring(PUBLISH.length()));
        }
        if (streamId.startsWith(ACCESS_CONTROL)) {
            String resource = null;
            boolean publish = false;
            for (String pair : streamId.substring(ACCESS_CONTROL.length()).split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = pair.substring(0, eq);
                String v = pair.substring(eq + 1);
                if (k.equals("r")) {
                    resource = v;
                } else if (k.equals("m")) {
                    publish = v.equals("publish");
                }
            }
            return publish ? nonEmpty(resource) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
