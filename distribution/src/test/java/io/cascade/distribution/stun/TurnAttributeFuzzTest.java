// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the TURN attribute decoders (RFC 8656 §18).
 *
 * <p>Under {@code mvn test} Jazzer runs in regression mode: every file in {@code
 * src/test/resources/io/cascade/distribution/stun/TurnAttributeFuzzTestInputs/decodeRoundTrip/} is
 * replayed. To fuzz, run with {@code JAZZER_FUZZ=1} and keep any finding it writes there. The
 * property is in {@link FuzzProperties#turnAttribute}.
 */
class TurnAttributeFuzzTest {

  @FuzzTest
  void decodeRoundTrip(FuzzedDataProvider data) {
    FuzzProperties.turnAttribute(data.consumeRemainingAsBytes());
  }
}
