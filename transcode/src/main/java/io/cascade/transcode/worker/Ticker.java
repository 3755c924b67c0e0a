// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

/** A monotonic clock in nanoseconds, injected so rates can be tested without sleeping. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }
}
