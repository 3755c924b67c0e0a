// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * Extends 32-bit RTMP timestamps (milliseconds, wrapping after about 49.7 days; Adobe RTMP spec
 * 1.0 §5.3.1.2.1) to a continuous long: each timestamp moves the result by its signed 32-bit
 * distance from the previous one, so a wrap goes forward and a small step back stays small.
 * The first timestamp is taken as it is.
 */
final class TimestampUnwrapper {
    private boolean started;
    private long last;
    private long extended;

    long unwrap(long timestamp32) {
        long t = timestamp32 & 0xFFFFFFFFL;
        if (!started) {
            started = true;
            last = t;
            extended = t;
            return t;
        }
        extended += (int) (t - last);
        last = t;
        return extended;
    }
}
