// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

/** The kind of elementary stream a packet belongs to. */
public enum MediaType {
    VIDEO,
    AUDIO
}
