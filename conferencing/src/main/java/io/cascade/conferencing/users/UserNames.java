// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.regex.Pattern;

/**
 * What a user name may be: 1 to 64 of letters, digits, dot, dash, underscore or at sign. The same
 * alphabet as {@code GET /api/v1/ice-servers?user=} (no colon: TURN REST usernames put one between
 * the expiry and the user).
 */
public final class UserNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserNames() {}

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
