// SPDX-License-Identifier: Apache-2.0
/**
 * Broadcast ingest: RTMP, SRT and WHIP sources, and the input manager (sources, the operator's
 * program selection, keyframe-aligned switching, backup failover, slate) that publishes the program
 * into the relay fabric at the origin.
 *
 * <p>RTMP: the server is {@link io.cascade.ingest.rtmp}; its wire formats are AMF0
 * ({@link io.cascade.ingest.amf}) and the FLV/AVC/AAC payloads ({@link io.cascade.ingest.flv}).
 */
package io.cascade.ingest;
