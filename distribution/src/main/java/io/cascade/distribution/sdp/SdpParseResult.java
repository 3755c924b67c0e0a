// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * A parsed description and what the tolerant parser skipped on the way: lines that were
 * malformed but not needed (an odd {@code a=candidate}, an {@code a=rtpmap} for a payload type the
 * m= line does not list, ...). The count is for a metric; the first few problems are kept for a
 * log line or a diagnostic response.
 *
 * @param description the description
 * @param skippedLines how many lines were skipped
 * @param firstSkipped the first {@link #KEPT} problems, each naming its line and field
 */
public record SdpParseResult(
    SessionDescription description, int skippedLines, List<SdpParseException> firstSkipped) {
  /** How many skipped-line problems are kept. */
  public static final int KEPT = 16;

  public SdpParseResult {
    firstSkipped = List.copyOf(firstSkipped);
  }
}
