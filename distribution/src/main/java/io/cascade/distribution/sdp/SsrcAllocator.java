// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks this server's SSRCs for one session: random (RFC 3550 §8.1), never 0, and never one the
 * peer announced or one already picked, so that no two streams on the BUNDLE transport collide.
 * The random source is injected so that tests get the same answer every run.
 */
final class SsrcAllocator {
  private final RandomGenerator random;
  private final Set<Long> used = new HashSet<>();

  SsrcAllocator(RandomGenerator random, SessionDescription offer) {
    this.random = random;
    for (MediaDescription media : offer.media()) {
      media.ssrcs().forEach(s -> used.add(s.ssrc()));
      media.ssrcGroups().forEach(g -> used.addAll(g.ssrcs()));
    }
  }

  long next() {
    while (true) {
      long ssrc = random.nextInt() & 0xFFFF_FFFFL;
      if (ssrc != 0 && used.add(ssrc)) {
        return ssrc;
      }
    }
  }
}
