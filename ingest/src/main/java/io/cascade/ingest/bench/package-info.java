// SPDX-License-Identifier: Apache-2.0
/**
 * Ingest benchmarks run by {@code bin/cascade bench}: {@link io.cascade.ingest.bench.SwitchLatencyBench}
 * (operator cut to the new source's first frame out of the input manager, real ffmpeg RTMP
 * cameras).
 */
package io.cascade.ingest.bench;
