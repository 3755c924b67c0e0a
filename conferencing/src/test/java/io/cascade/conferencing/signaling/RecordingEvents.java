// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Call events as lines ("ended c1 busy 0"), for assertions. */
final class RecordingEvents implements CallEvents {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void started(Call call) {
        lines.add("started " + call.id());
    }

    @Override
    public void ended(Call call, EndReason reason, long durationMs) {
        lines.add("ended " + call.id() + " " + reason.wire() + " " + durationMs);
    }

    @Override
    public void configChanged(Call call, CallConfig config, String by) {
        lines.add("config " + call.id() + " " + config.maxBitrateKbps() + " by " + by);
    }

    @Override
    public void modeChanged(Call call, String user, MediaMode mode, MediaMode previous) {
        lines.add("mode " + call.id() + " " + user + " " + (previous == null ? "-" : previous.wire()) + "->" + mode.wire());
    }
}
