// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;

/** Assertions shared by the RTCP tests. */
final class RtcpTestSupport {
    private RtcpTestSupport() {
    }

    /** Decodes and expects the typed exception; anything else fails the test. */
    static RtcpFormatException decodeFailure(ByteBuf compound) {
        RtcpFormatException e = catchThrowableOfType(RtcpFormatException.class, () -> RtcpCompound.decode(compound));
        assertThat(e).as("decode throws RtcpFormatException").isNotNull();
        return e;
    }
}
