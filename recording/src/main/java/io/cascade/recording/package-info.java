// SPDX-License-Identifier: Apache-2.0
/**
 * Call recording: a logger that writes media chunks to the chunk store (HDFS) by meeting id, and a
 * file creator that assembles them into a video in the object store (S3) when the call ends, then
 * notifies participants.
 */
package io.cascade.recording;
