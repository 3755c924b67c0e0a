// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the TURN ChannelData framing (RFC 8656 §12.4), datagram and stream.
 *
 * <p>Under {@code mvn test} Jazzer runs in regression mode: every file in {@code
 * src/test/resources/io/cascade/distribution/stun/ChannelDataFuzzTestInputs/decodeRoundTrip/} is
 * replayed. To fuzz, run with {@code JAZZER_FUZZ=1} and keep any finding it writes there. The
 * property is in {@link FuzzProperties#channelData}.
 */
class ChannelDataFuzzTest {

  @FuzzTest
  void decodeRoundTrip(FuzzedDataProvider data) {
    FuzzProperties.channelData(data.consumeRemainingAsBytes());
  }
}
