// SPDX-License-Identifier: Apache-2.0
/** Per-output counters the transcoder keeps on its hot path and the snapshots it hands out. */
package io.cascade.transcode.metrics;
