// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * Where a published track sits among simulcast layers (RFC 8853): tracks with the same {@code
 * group} (the index of the group's first track) are layers of one source, {@code layer} 0 the
 * lowest; a subscriber receives one layer of a group at a time on one output. A track that is
 * not layered is its own group with layer 0.
 *
 * @param group     index of the first track of the group
 * @param layer     0 for the lowest layer, upwards
 * @param keyframes how to find the keyframes at which a subscriber may switch layers
 */
public record LayerSpec(int group, int layer, KeyframeFormat keyframes) {
    public LayerSpec {
        if (group < 0 || layer < 0) {
            throw new IllegalArgumentException("group and layer must be >= 0");
        }
    }

    /** A track that is not layered. */
    public static LayerSpec single(int index) {
        return new LayerSpec(index, 0, KeyframeFormat.ANY);
    }
}
