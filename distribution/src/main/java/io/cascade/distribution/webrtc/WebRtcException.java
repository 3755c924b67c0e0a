// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

/**
 * A WHIP/WHEP request the gateway refuses, with the HTTP status that says why (RFC 9725 §4.2:
 * 400 for a malformed offer, 404 for an unknown stream or session, 409 for a stream that already
 * has a publisher, 406 for an offer with nothing we can use, 412 for a stale If-Match).
 */
public final class WebRtcException extends Exception {
    private final int status;

    public WebRtcException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
