// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/** A request the HLS server refuses: the HTTP status (400 or 404) and a message naming the field. */
final class HlsRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HlsRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HlsRequestException notFound(String what) {
        return new HlsRequestException(404, "not found: " + what);
    }

    static HlsRequestException badRequest(String field, String problem) {
        return new HlsRequestException(400, field + ": " + problem);
    }

    int status() {
        return status;
    }
}
