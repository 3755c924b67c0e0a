// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/** Network byte order into arrays, for IVs and the SRTCP trailer. */
final class BigEndian {
    private BigEndian() {
    }

    static void putInt(byte[] a, int at, int value) {
        a[at] = (byte) (value >>> 24);
        a[at + 1] = (byte) (value >>> 16);
        a[at + 2] = (byte) (value >>> 8);
        a[at + 3] = (byte) value;
    }
}
