// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** What the calls state machine tells the rest of the platform (docs/events.md, "Calls"). */
public interface CallEvents {

    /** The callee answered: media may flow. */
    void started(Call call);

    /** The call ended, answered or not; {@code durationMs} counts from the answer (0 if never answered). */
    void ended(Call call, EndReason reason, long durationMs);

    /** The agreed configuration changed mid-call; {@code by} reported the bandwidth that changed it. */
    void configChanged(Call call, CallConfig config, String by);

    /** A party's page switched media path (p2p <-> relay); {@code previous} is null on the first report. */
    void modeChanged(Call call, String user, MediaMode mode, MediaMode previous);

    /** The null object: tells nobody. */
    static CallEvents none() {
        return new CallEvents() {
            @Override
            public void started(Call call) {}

            @Override
            public void ended(Call call, EndReason reason, long durationMs) {}

            @Override
            public void configChanged(Call call, CallConfig config, String by) {}

            @Override
            public void modeChanged(Call call, String user, MediaMode mode, MediaMode previous) {}
        };
    }
}
