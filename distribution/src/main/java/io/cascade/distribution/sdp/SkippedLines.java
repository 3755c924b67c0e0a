// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Counts the lines a tolerant parse skipped and keeps the first few reasons. */
final class SkippedLines {
  private int count;
  private final List<SdpParseException> first = new ArrayList<>();

  void add(SdpParseException problem) {
    count++;
    if (first.size() < SdpParseResult.KEPT) {
      first.add(problem);
    }
  }

  int count() {
    return count;
  }

  /** The kept problems in line order. */
  List<SdpParseException> first() {
    return first.stream().sorted(Comparator.comparingInt(SdpParseException::line)).toList();
  }
}
