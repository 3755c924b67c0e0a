// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the STUN message decoder (RFC 8489 §5, §14): any bytes, including the kept corpus
 * of RFC 5769 and RFC 8489 vectors.
 *
 * <p>Under {@code mvn test} Jazzer runs in regression mode: every file in {@code
 * src/test/resources/io/cascade/distribution/stun/StunMessageFuzzTestInputs/decodeRoundTrip/} is
 * replayed. To fuzz, run with {@code JAZZER_FUZZ=1} and keep any finding it writes there. The
 * property is in {@link FuzzProperties#stunMessage}.
 */
class StunMessageFuzzTest {

  @FuzzTest
  void decodeRoundTrip(FuzzedDataProvider data) {
    FuzzProperties.stunMessage(data.consumeRemainingAsBytes());
  }
}
