// SPDX-License-Identifier: Apache-2.0
/**
 * Transcode workers (JavaCV / FFmpeg): subscribe to a program, decode once, scale and encode the
 * ABR ladder with keyframes aligned across renditions, audio as AAC and Opus, and publish each
 * rendition to the mid-tier.
 */
package io.cascade.transcode;
