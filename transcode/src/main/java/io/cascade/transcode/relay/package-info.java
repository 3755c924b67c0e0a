// SPDX-License-Identifier: Apache-2.0
/**
 * The transcoder on the fabric: a job subscribes to a broadcast's program in the relay
 * ({@code bcast/{id}/program}), depacketizes it (RFC 6184, RFC 3640), feeds the ladder, and
 * publishes every rendition back as its own relay stream ({@code bcast/{id}/{rendition}}: H.264,
 * AAC and Opus tracks), described in the node's stream catalog for the packagers and WHEP.
 */
package io.cascade.transcode.relay;
