// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the SDP parser and writer (RFC 8866), the answerer (RFC 3264, RFC 8829) and
 * the trickle fragment parser (RFC 8840 §9).
 *
 * <p>Under {@code mvn test} Jazzer runs in regression mode: every file in {@code
 * src/test/resources/io/cascade/distribution/sdp/SdpFuzzTestInputs/<method>/} is replayed, the
 * sample offers and answers among them. To fuzz, run with {@code JAZZER_FUZZ=1} and keep any
 * finding it writes there. The properties are in {@link SdpFuzzProperties}; {@link
 * SdpSeededMutationTest} adds 10,000 deterministic mutations of the corpus to every run.
 */
class SdpFuzzTest {

  @FuzzTest
  void parseRoundTrip(byte[] input) {
    SdpFuzzProperties.sessionDescription(input);
  }

  @FuzzTest
  void trickleRoundTrip(byte[] input) {
    SdpFuzzProperties.trickleFragment(input);
  }
}
