// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

/**
 * Our DTLS role, which decides which half of the exported keying material protects what we send
 * (RFC 5764 §4.2: the client's keys protect what the client sends).
 */
public enum DtlsRole {
    CLIENT,
    SERVER
}
