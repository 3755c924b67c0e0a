// SPDX-License-Identifier: Apache-2.0
/**
 * Broadcast ingest: RTMP, SRT and WHIP sources, and the input manager (sources, the operator's
 * program selection, keyframe-aligned switching, backup failover, slate) that publishes the program
 * into the relay fabric at the origin.
 */
package io.cascade.ingest;
