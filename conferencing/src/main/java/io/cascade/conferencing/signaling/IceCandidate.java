// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/**
 * An RTCIceCandidateInit (W3C WebRTC §4.8.2) for trickle ICE (RFC 8838), relayed as the page gave
 * it. An empty {@code candidate} is the end-of-candidates indication.
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
    public IceCandidate {
        candidate = candidate == null ? "" : Wire.text(candidate, "candidate.candidate", 1024);
        if (sdpMid != null) {
            Wire.text(sdpMid, "candidate.sdpMid", 64);
        }
        if (sdpMLineIndex != null) {
            Wire.range(sdpMLineIndex, "candidate.sdpMLineIndex", 0, 1023);
        }
        if (usernameFragment != null) {
            Wire.text(usernameFragment, "candidate.usernameFragment", 256);
        }
    }
}
