// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** An RTCSessionDescriptionInit (W3C WebRTC §4.8.1), relayed as the page gave it. */
public record SessionDescription(SdpType type, String sdp) {
    /** SDP of a 1:1 call with a few codecs is 5-15 KB; the frame limit bounds it as well. */
    static final int MAX_SDP_CHARS = 60_000;

    public SessionDescription {
        Wire.required(type, "description.type");
        sdp = sdp == null ? "" : Wire.text(sdp, "description.sdp", MAX_SDP_CHARS);
    }
}
