// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;

/**
 * Fuzz target for the transport-wide sequence number lookup in RTP header extensions (RFC 8285
 * one- and two-byte forms), which reads every authenticated packet from a publisher: any bytes,
 * any extension id, never an exception, and a found value is 16 bits.
 */
class HeaderExtensionFuzzTest {
    @FuzzTest
    void transportSequenceNeverThrows(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int id = data[0] & 0x0F;
        int seq = TransportCcReceiver.transportSequence(Unpooled.wrappedBuffer(data, 1, data.length - 1), id);
        assertThat(seq).isBetween(-1, 0xFFFF);
    }
}
