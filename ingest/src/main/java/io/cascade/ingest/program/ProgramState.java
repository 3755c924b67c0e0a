// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import java.util.Map;

/**
 * A snapshot of the input manager.
 *
 * @param program  the source on air, or null when nothing is
 * @param pending  the source a cut or failover waits for (its next keyframe), or null
 * @param backup   the designated backup source, or null
 * @param live     per source: whether it is sending (a frame within the failover time)
 * @param switches how many times the program changed source
 * @param slate    whether the slate is playing (nothing live; {@code program} is the last source on air)
 */
public record ProgramState(String program, String pending, String backup, Map<String, Boolean> live, long switches,
                           boolean slate) {}
