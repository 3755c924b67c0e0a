// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sizes the configured ladder for a source. Rules:
 * <ol>
 * <li>Never upscale: a rendition taller than the source is left out (so 1080p appears only for a
 *     source at least 1080 high).</li>
 * <li>If that leaves nothing (a source below the smallest rung), the smallest rung is kept at the
 *     source's height: a tiny source still gets one output.</li>
 * <li>Width keeps the source's aspect ratio, rounded to even as 4:2:0 needs: the same
 *     {@code round(h * W / H / 2) * 2} as FFmpeg's {@code scale=-2:h}, so 1280x720 gives 854x480.</li>
 * </ol>
 */
public final class LadderPlanner {

    private LadderPlanner() {
    }

    public static List<PlannedRendition> plan(int sourceWidth, int sourceHeight, List<Rendition> ladder) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("source size must be positive, got " + sourceWidth + "x" + sourceHeight);
        }
        List<Rendition> sorted = new ArrayList<>(ladder);
        sorted.sort(Comparator.comparingInt(Rendition::height).reversed());
        List<PlannedRendition> out = new ArrayList<>();
        for (Rendition r : sorted) {
            if (r.height() <= sourceHeight) {
                out.add(new PlannedRendition(r, evenWidth(sourceWidth, sourceHeight, r.height()), r.height()));
            }
        }
        if (out.isEmpty() && !sorted.isEmpty()) {
            Rendition smallest = sorted.get(sorted.size() - 1);
            int h = Math.max(2, sourceHeight & ~1);
            out.add(new PlannedRendition(smallest, evenWidth(sourceWidth, sourceHeight, h), h));
        }
        return List.copyOf(out);
    }

    static int evenWidth(int sourceWidth, int sourceHeight, int height) {
        long w = Math.round((double) height * sourceWidth / sourceHeight / 2.0) * 2;
        return (int) Math.max(2, w);
    }
}
