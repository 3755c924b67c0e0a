// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * The session keys of one direction for SRTP or for SRTCP (RFC 3711 §4.3): cipher key k_e,
 * authentication key k_a (empty for AEAD, RFC 7714 §11) and salt k_s.
 */
record SessionKeys(byte[] cipherKey, byte[] authKey, byte[] salt) {
}
