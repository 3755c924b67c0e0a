// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.relay.MediaKind;
import java.util.Map;
import java.util.Optional;

/**
 * What one track of a relay stream carries, in SDP's terms (RFC 8866 §6.6 rtpmap and fmtp), so
 * a consumer that was not in the publisher's negotiation can decode it: H.264 keeps its SPS/PPS
 * in-band, but AAC needs its AudioSpecificConfig ({@code config} in the fmtp, RFC 3640 §4.1).
 *
 * @param index       the track's index in the stream
 * @param kind        audio or video
 * @param encoding    {@code H264}, {@code mpeg4-generic}, {@code opus}, {@code VP8}
 * @param clockRate   the RTP clock rate
 * @param channels    audio channels, 0 for video
 * @param payloadType the payload type the publisher uses
 * @param fmtp        format parameters
 */
public record TrackFormat(int index, MediaKind kind, String encoding, int clockRate, int channels, int payloadType,
                          Map<String, String> fmtp) {
    public TrackFormat {
        fmtp = Map.copyOf(fmtp);
    }

    public boolean is(String name) {
        return encoding.equalsIgnoreCase(name);
    }

    public Optional<String> parameter(String name) {
        return fmtp.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
