// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/** What a track carries; video tracks are the ones keyframe requests are about. */
public enum MediaKind {
    AUDIO,
    VIDEO
}
