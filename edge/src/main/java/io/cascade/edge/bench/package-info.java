// SPDX-License-Identifier: Apache-2.0
/**
 * {@code bin/cascade bench edge}: LL-HLS fan-out from one edge ({@link io.cascade.edge.hls.HlsHttp}
 * in a child JVM) against nginx serving the same parts, with the same HTTP/1.1 load generator, in
 * the same run (docs/BENCHMARKS.md). Media comes from the ffmpeg CLI, so this module stays free of
 * native code.
 */
package io.cascade.edge.bench;
