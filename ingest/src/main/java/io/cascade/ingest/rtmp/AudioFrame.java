// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * One raw AAC frame from an FLV AAC raw packet (FLV spec v10.1 §E.4.2.1), without ADTS header.
 *
 * @param dtsMs timestamp in milliseconds, extended across the 32-bit wraparound
 * @param aac   the frame; a copy the sink may keep
 */
public record AudioFrame(long dtsMs, byte[] aac) {
}
