// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/** A codec configuration or sample that cannot be packaged; the message names the field. */
public final class CmafFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CmafFormatException(String field, String problem) {
        super(field + ": " + problem);
    }
}
