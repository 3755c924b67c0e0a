// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * Broadcast ids and rendition names: 1 to 64 of {@code [A-Za-z0-9_-]}. Names only ever select an
 * entry in a map and appear in URIs; no dot, slash or percent sign can pass, so nothing built from a
 * request can point outside the broadcast it names.
 */
final class Names {
    static final int MAX_LENGTH = 64;

    private Names() {
    }

    static boolean valid(CharSequence s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String require(String field, String name) {
        if (name == null || !valid(name, 0, name.length())) {
            throw new IllegalArgumentException(field + ": 1 to 64 of [A-Za-z0-9_-], got " + name);
        }
        return name;
    }
}
