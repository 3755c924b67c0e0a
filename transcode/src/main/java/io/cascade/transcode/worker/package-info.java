// SPDX-License-Identifier: Apache-2.0
/**
 * The transcode worker: slots of transcoders keyed by broadcast and format, their status for the
 * directory, and their rates (input fps, output fps, encode speed, drops) from an injected clock.
 */
package io.cascade.transcode.worker;
