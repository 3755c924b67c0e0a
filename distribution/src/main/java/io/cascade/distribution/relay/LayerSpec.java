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
 * @param sharedClock whether every layer of the group stamps RTP timestamps from one clock with
 *     one base (a transcoder's renditions of one picture carry the same timestamp): a switch then
 *     keeps the subscriber's timestamp offset, so the output's timestamps stay those of the
 *     pictures. Otherwise (a browser's simulcast layers each start at a random timestamp, RFC
 *     3550 §5.1) a switch re-bases the timestamp on the wall-clock time since the last packet.
 */
public record LayerSpec(int group, int layer, KeyframeFormat keyframes, boolean sharedClock) {
    public LayerSpec {
        if (group < 0 || layer < 0) {
            throw new IllegalArgumentException("group and layer must be >= 0");
        }
    }

    /** A layer whose timestamps have their own base (a browser's simulcast). */
    public LayerSpec(int group, int layer, KeyframeFormat keyframes) {
        this(group, layer, keyframes, false);
    }

    /** A track that is not layered. */
    public static LayerSpec single(int index) {
        return new LayerSpec(index, 0, KeyframeFormat.ANY);
    }

    /**
     * Checks that {@code layers} is a layout the relay can forward: one per track; each names as
     * its group a track at or before it that leads that group itself; the layers of a group of
     * several are video with distinct layer numbers. A layout that comes
     * from the network (an upstream's subscribe answer) passes here before any stream uses it.
     *
     * @throws IllegalArgumentException naming the first offending entry
     */
    public static void check(java.util.List<LayerSpec> layers, java.util.List<TrackSpec> tracks) {
        if (layers.size() != tracks.size()) {
            throw new IllegalArgumentException("layers: one per track (" + tracks.size() + "), got " + layers.size());
        }
        int[] members = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            int g = l.group();
            if (g > i || layers.get(g).group() != g) {
                throw new IllegalArgumentException("layers[" + i + "].group: " + g
                        + " is not a track at or before it that leads its own group");
            }
            members[g]++;
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            if (members[l.group()] < 2) {
                continue;
            }
            if (tracks.get(i).kind() != MediaKind.VIDEO) {
                throw new IllegalArgumentException("layers[" + i + "]: a layer of a group of several must be video");
            }
            for (int j = l.group(); j < i; j++) {
                if (layers.get(j).group() == l.group() && layers.get(j).layer() == l.layer()) {
                    throw new IllegalArgumentException("layers[" + i + "].layer: " + l.layer() + " twice in group " + l.group());
                }
            }
        }
    }
}
