// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A viewer of a static copy of the broadcast, for the comparison with nginx: plain GETs only
 * (nginx cannot hold a blocking reload). It loads the multivariant playlist and the init section
 * once, then repeats a cycle of {@code playlists} media playlist reloads, {@code parts} part
 * fetches and {@code segments} whole-segment fetches, walking forward through the listed parts and
 * segments from its own starting point and wrapping at the end. The default 1:1:0 is what an LL-HLS
 * player does per part duration: one playlist reload, one part.
 */
final class PlainViewer implements HttpLoad.Viewer {
    private final MirroredBroadcast media;
    private final List<Character> cycle = new ArrayList<>();
    private int step;
    private int part;
    private int segment;
    private boolean started;

    PlainViewer(MirroredBroadcast media, Mix mix, int start) {
        this.media = media;
        for (int i = 0; i < mix.playlists(); i++) {
            cycle.add('l');
        }
        for (int i = 0; i < mix.parts(); i++) {
            cycle.add('p');
        }
        for (int i = 0; i < mix.segments(); i++) {
            cycle.add('s');
        }
        this.part = start % media.parts().size();
        this.segment = start % media.segments().size();
    }

    /** Requests per cycle of each kind. */
    record Mix(int parts, int playlists, int segments) {
        Mix {
            if (parts < 0 || playlists < 0 || segments < 0 || parts + playlists + segments == 0) {
                throw new IllegalArgumentException("mix: counts >= 0, not all zero");
            }
        }

        /** Parses {@code parts:playlists:segments}, e.g. {@code 1:1:0}. */
        static Mix parse(String s) {
            String[] f = s.split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("--mix parts:playlists:segments, got " + s);
            }
            return new Mix(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        }

        @Override
        public String toString() {
            return parts + ":" + playlists + ":" + segments;
        }
    }

    @Override
    public String first() {
        return media.master();
    }

    @Override
    public String next(String target, int status, byte[] body) {
        if (!started) {
            started = true;
            return media.init();
        }
        char kind = cycle.get(step);
        step = (step + 1) % cycle.size();
        return switch (kind) {
            case 'l' -> media.playlist();
            case 'p' -> {
                String t = media.parts().get(part);
                part = (part + 1) % media.parts().size();
                yield t;
            }
            default -> {
                String t = media.segments().get(segment);
                segment = (segment + 1) % media.segments().size();
                yield t;
            }
        };
    }
}
