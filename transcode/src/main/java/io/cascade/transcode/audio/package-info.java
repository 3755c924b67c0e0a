// SPDX-License-Identifier: Apache-2.0
/**
 * Audio for the ladder: decode AAC (ISO/IEC 14496-3 raw frames with AudioSpecificConfig) or Opus
 * (RFC 6716) once, resample to 48 kHz (swresample), encode AAC-LC 128 kbps and Opus 64 kbps
 * (RFC 7845 OpusHead as config) as outputs of their own, shared by every video rendition.
 */
package io.cascade.transcode.audio;
