// SPDX-License-Identifier: Apache-2.0
/**
 * Signed playback tokens: who may fetch a broadcast's HLS and start WHEP sessions for it. A token
 * is an expiry and an HMAC-SHA256 (RFC 2104, FIPS 180-4) over the broadcast id and that expiry,
 * keyed by a secret every edge of a deployment shares, so any edge checks it without a lookup.
 */
package io.cascade.edge.access;
