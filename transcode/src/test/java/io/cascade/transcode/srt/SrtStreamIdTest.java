// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SrtStreamIdTest {
    @Test
    void publishKeysComeFromBothForms() {
        assertThat(SrtStreamId.publishKey("publish:abc")).contains("abc");
        assertThat(SrtStreamId.publishKey("#!::r=abc,m=publish")).contains("abc");
        assertThat(SrtStreamId.publishKey("#!::m=publish,r=abc")).contains("abc");
    }

    @Test
    void anythingElseIsNoKey() {
        assertThat(SrtStreamId.publishKey(null)).isEmpty();
        assertThat(SrtStreamId.publishKey("")).isEmpty();
        assertThat(SrtStreamId.publishKey("publish:")).isEmpty();
        assertThat(SrtStreamId.publishKey("play:abc")).isEmpty();
        assertThat(SrtStreamId.publishKey("#!::r=abc,m=request")).isEmpty();
        assertThat(SrtStreamId.publishKey("abc")).isEmpty();
    }

    @Test
    void theAcceptLineOfFfmpegsListenerGivesTheStreamId() {
        assertThat(AcceptedStreamIds.streamIdIn("[srt @ 0x7fad485cccc0] accept streamid [publish:KEYA], length 12\n"))
                .isEqualTo("publish:KEYA");
        assertThat(AcceptedStreamIds.streamIdIn("[srt @ 0x1] something else")).isNull();
    }
}
