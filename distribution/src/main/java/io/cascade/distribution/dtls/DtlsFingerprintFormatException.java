// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

/** An {@code a=fingerprint} value that does not follow RFC 8122 §5; names the bad field. */
public final class DtlsFingerprintFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public DtlsFingerprintFormatException(String field, String problem) {
        super("a=fingerprint " + field + ": " + problem);
        this.field = field;
    }

    /** @return the ABNF field of RFC 8122 §5 that is wrong ({@code hash-func} or {@code fingerprint}) */
    public String field() {
        return field;
    }
}
