// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Fuzz target for the tap publisher's RTCP walk (PLI/FIR in whatever the relay socket delivers):
 * any bytes end the walk without an exception.
 */
class RtcpKeyframeRequestsFuzzTest {
    @FuzzTest
    void anyBytesAreWalkedWithoutException(byte[] data) {
        RtcpKeyframeRequests.forEach(ByteBuffer.wrap(data), ssrc -> { });
    }
}
